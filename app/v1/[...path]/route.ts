import { apiRoute } from '@/lib/http/api-route';
import { NotFoundError } from '@/lib/errors';

/** Any other /v1 path: a problem+json 404 (after the key check, like every API call). */
const notFound = apiRoute<{ path: string[] }>(async () => {
  throw new NotFoundError('not_found', 'No such endpoint.');
});

export {
  notFound as GET,
  notFound as POST,
  notFound as PUT,
  notFound as PATCH,
  notFound as DELETE,
};
