import { Badge } from '@/components/ui/badge';
import type { StaffMember } from '@/lib/staff/queries';
import { ChangeRoleButton } from './change-role-button';
import { DateTimeCell } from './format';
import { ROLE_SUMMARIES } from './roles';
import { StaffStatusButton } from './staff-status-button';

const headerCell = 'px-3 py-3 font-medium whitespace-nowrap';
const roleTones = { admin: 'violet', support: 'blue', viewer: 'neutral' } as const;

export function StaffTable({
  staff,
  currentUserId,
}: {
  staff: StaffMember[];
  currentUserId: string;
}) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table className="min-w-full divide-y divide-zinc-200 text-sm dark:divide-zinc-800">
        <caption className="sr-only">Staff members</caption>
        <thead className="bg-zinc-50 text-left text-xs tracking-wide text-zinc-600 uppercase dark:bg-zinc-900 dark:text-zinc-400">
          <tr>
            <th scope="col" className={headerCell}>
              Name
            </th>
            <th scope="col" className={headerCell}>
              Email
            </th>
            <th scope="col" className={headerCell}>
              Role
            </th>
            <th scope="col" className={headerCell}>
              Status
            </th>
            <th scope="col" className={headerCell}>
              Added
            </th>
            <th scope="col" className={headerCell}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {staff.map((member) => {
            const isSelf = member.id === currentUserId;
            return (
              <tr
                key={member.id}
                data-testid="staff-row"
                className={member.disabled ? 'text-zinc-600 dark:text-zinc-400' : ''}
              >
                <th scope="row" className="px-3 py-3 text-left font-medium">
                  <span className="flex flex-wrap items-center gap-2">
                    {member.name}
                    {isSelf ? <Badge>You</Badge> : null}
                  </span>
                </th>
                <td className="px-3 py-3 break-all">{member.email}</td>
                <td className="px-3 py-3">
                  <Badge tone={roleTones[member.role]}>{ROLE_SUMMARIES[member.role].label}</Badge>
                </td>
                <td className="px-3 py-3">
                  {member.disabled ? (
                    <Badge tone="red">Disabled</Badge>
                  ) : (
                    <Badge tone="green">Active</Badge>
                  )}
                </td>
                <td className="px-3 py-3">
                  <DateTimeCell date={member.createdAt} />
                </td>
                <td className="px-3 py-3">
                  <div className="flex justify-end gap-2">
                    <ChangeRoleButton
                      member={{ id: member.id, name: member.name, role: member.role }}
                      isSelf={isSelf}
                    />
                    {isSelf ? (
                      <span className="self-center text-xs text-zinc-600 dark:text-zinc-400">
                        Can’t disable yourself
                      </span>
                    ) : (
                      <StaffStatusButton
                        member={{ id: member.id, name: member.name, disabled: member.disabled }}
                      />
                    )}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
