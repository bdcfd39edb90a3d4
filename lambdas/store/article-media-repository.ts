import type { Article } from '../domain/article.js';
import type { DomainEvent } from '../domain/events.js';
import { blocksApproval, type Media } from '../domain/media.js';
import { WriteConflict, type MediaArticleRepository } from '../usecases/ports.js';
import { appendToOutbox, budget, bumpVersion, DynamoArticleRepository, withChanges } from './article-repository.js';
import { UpdateBuilder } from './update-expression.js';

/**
 * The article repository with the writes that attach, verify and remove files. Only the functions
 * that handle media load it: the others' bundles stay without these writes.
 */
export class DynamoMediaArticleRepository extends DynamoArticleRepository implements MediaArticleRepository {
  async attachMedia(seen: Article, media: Media, maxPerArticle: number): Promise<void> {
    const before = this.itemOf(seen);
    const files = { ...((before.media as Record<string, Media> | undefined) ?? {}), [media.id]: media };
    budget(withChanges(before, { media: files, mediaBlocking: Object.keys(files).length }), 'workflow');
    const update = new UpdateBuilder();
    const slot = `media.${update.name(media.id)}`;
    update
      .when(`${update.name('status')} = ${update.value(seen.status)}`)
      .when(`size(media) < ${update.value(maxPerArticle)}`)
      .when(`attribute_not_exists(${slot})`)
      .setRaw(`${slot} = ${update.value(media)}`)
      .setRaw(`mediaBlocking = if_not_exists(mediaBlocking, ${update.value(0)}) + ${update.value(1)}`);
    await this.write(seen.id, bumpVersion(update));
  }

  /** The event carries the version the verdict gives the article: the write expects the one before it. */
  async settleMedia(articleId: string, media: Media, event: DomainEvent): Promise<boolean> {
    const update = new UpdateBuilder();
    const slot = `media.${update.name(media.id)}`;
    update
      .when(`${slot}.${update.name('status')} = ${update.value('pending')}`)
      .when(`${update.name('version')} = ${update.value(event.version - 1)}`)
      .setRaw(`${slot} = ${update.value(media)}`)
      .set({ version: event.version });
    if (media.status === 'ready') update.setRaw(`mediaBlocking = mediaBlocking - ${update.value(1)}`);
    appendToOutbox(update, articleId, [event], event.occurredAt);
    try {
      await this.write(articleId, update);
      return true;
    } catch (err) {
      if (err instanceof WriteConflict) return false;
      throw err;
    }
  }

  async describeMedia(seen: Article, mediaId: string, changes: Pick<Partial<Media>, 'caption' | 'credit'>): Promise<void> {
    const update = new UpdateBuilder();
    const slot = `media.${update.name(mediaId)}`;
    update.when(`${update.name('status')} = ${update.value(seen.status)}`).when(`attribute_exists(${slot})`);
    for (const [field, value] of Object.entries(changes)) {
      if (value !== undefined) update.setRaw(`${slot}.${update.name(field)} = ${update.value(value)}`);
    }
    budget(withChanges(this.itemOf(seen), { media: { ...seen.media, [mediaId]: { ...seen.media?.[mediaId], ...changes } } }), 'workflow');
    await this.write(seen.id, bumpVersion(update));
  }

  /** Records that a pending file's upload form ran out (`expired`): it stops holding approval back. False once it is not pending. */
  async expireMedia(articleId: string, expired: Media): Promise<boolean> {
    const update = new UpdateBuilder();
    const slot = `media.${update.name(expired.id)}`;
    update
      .when(`${slot}.${update.name('status')} = ${update.value('pending')}`)
      .setRaw(`${slot} = ${update.value(expired)}`)
      .setRaw(`mediaBlocking = mediaBlocking - ${update.value(1)}`);
    try {
      await this.write(articleId, bumpVersion(update));
      return true;
    } catch (err) {
      if (err instanceof WriteConflict) return false;
      throw err;
    }
  }

  async removeMedia(seen: Article, media: Media): Promise<void> {
    const update = new UpdateBuilder();
    const slot = `media.${update.name(media.id)}`;
    update
      .when(`${update.name('status')} = ${update.value(seen.status)}`)
      .when(`${slot}.${update.name('status')} = ${update.value(media.status)}`)
      .removeRaw(slot);
    if (blocksApproval(media)) update.setRaw(`mediaBlocking = mediaBlocking - ${update.value(1)}`);
    await this.write(seen.id, bumpVersion(update));
  }
}
