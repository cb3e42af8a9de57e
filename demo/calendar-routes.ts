/** Demo-only route: the calendar import an administrator runs with `npm run calendar -- import FILE`. No auth. */
import type { FastifyInstance } from 'fastify';
import { calendarImportFileSchema } from '../domain/calendar-data';
import type { ServerContext } from '../server/context';
import { importCalendar } from '../server/calendar/import-calendar';
import { parseRequest } from '../server/http/errors';

export function registerCalendarDevRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post('/v1/dev/calendar/import', async (request) => {
    const { years } = parseRequest(calendarImportFileSchema, request.body ?? {}, 'body');
    return importCalendar(ctx.db, ctx.changeChannel, years, ctx.now());
  });
}
