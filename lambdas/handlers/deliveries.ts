import { httpApi } from '../http/api.js';
import { json } from '../http/responses.js';
import { deliveryDeps } from '../store/delivery-clients.js';
import { listDeliveries, redeliverEvent, type DeliveryDeps } from '../usecases/deliveries.js';

/** The delivery log: what was sent to each webhook target, and redelivery of one event. */
export const deliveriesApi = (deps: DeliveryDeps) =>
  httpApi({
    'GET /deliveries': async ({ actor, query }) => json(200, await listDeliveries(deps, actor, query)),
    'POST /deliveries/{eventId}/redeliver': async ({ actor, params }) => json(202, await redeliverEvent(deps, actor, params.eventId!)),
  });

export const handler = deliveriesApi(deliveryDeps);
