import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireRole } from '~/auth/guards.server';
import { requireManagedPanel } from '~/panels/staff.server';
import { panelSessionList } from '~/research/sessions.server';
import { attendanceExport } from '~/scheduling/attendance.server';
import { formatLondon } from '~/scheduling/notice';
import { csvDownload } from '~/utils/csv.server';

const ANSWERS: Record<string, string> = { invited: 'No answer yet', accepted: 'Has a place', declined: 'Cannot come', waitlisted: 'On the waiting list' };

/** Who was invited to each of the panel's sessions, what they answered and whether they came (audited). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'facilitator', 'administrator');
  const panel = await requireManagedPanel(user, params.panelId);
  const sessions = await panelSessionList({ panelId: panel.id });
  const byId = new Map(sessions.map((session) => [session.id, session]));
  const rows = await attendanceExport({ panelId: panel.id, sessionIds: sessions.map((session) => session.id), viewerId: user.id, correlationId: context.requestId });
  const ordered = [...rows].sort((a, b) => byId.get(a.sessionId)!.startsAt.getTime() - byId.get(b.sessionId)!.startsAt.getTime() || a.fullName.localeCompare(b.fullName));
  return csvDownload(
    'attendance.csv',
    ['session', 'when', 'name', 'answer', 'attended'],
    ordered.map((row) => {
      const session = byId.get(row.sessionId)!;
      return [session.title, formatLondon(session.startsAt), row.fullName, ANSWERS[row.status] ?? row.status, row.attended === null ? 'Not recorded' : row.attended ? 'Yes' : 'No'];
    }),
  );
}
