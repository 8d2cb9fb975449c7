// The element's default endpoint: POST /paytool/transactions pays, GET /paytool/transactions/<id>
// answers the status. createCheckoutHandler is a fetch handler, so it is the route handler.
import { checkout } from '../../../../lib/shop';

export const dynamic = 'force-dynamic';

export const POST = (request: Request) => checkout(request);
export const GET = (request: Request) => checkout(request);
