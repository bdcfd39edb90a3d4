import type { NewsroomConfig } from '../../lib/newsroom-app.js';

/** A deploy configuration with every optional feature on, so the tests see all of it. */
export const CONFIG: NewsroomConfig = {
  corsOrigins: ['https://desk.example.com'],
  notifyEmails: ['desk@example.com'],
  alarmEmails: ['ops@example.com'],
  webhooks: [{ name: 'cms', url: 'https://cms.example.com/hooks/newsroom', secretName: 'newsroom/cms-webhook' }],
  throttle: { rateLimit: 50, burstLimit: 100 },
  mediaMaxBytes: JSON.stringify({ 'image/png': 10 * 1024 * 1024 }),
};
