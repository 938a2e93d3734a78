"use client";

import { HiddenTableHead } from "@/components/common/hidden-table-head";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { Role } from "@/shared/roles";
import { UserRoleSelect } from "./user-role-select";
import { UserStatusButton } from "./user-status-button";

export type AdminUserRow = {
  id: string;
  name: string | null;
  email: string | null;
  role: Role;
  disabledAt: Date | null;
  createdAt: Date;
  files: number;
  jobs: number;
};

export function UsersTable({ users, currentUserId }: { users: AdminUserRow[]; currentUserId: string }) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead scope="col">User</TableHead>
          <TableHead scope="col">Role</TableHead>
          <TableHead scope="col">Status</TableHead>
          <TableHead scope="col" className="text-right">
            Files / jobs
          </TableHead>
          <TableHead scope="col">Joined</TableHead>
          <HiddenTableHead scope="col">Actions</HiddenTableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {users.map((user) => {
          const self = user.id === currentUserId;
          const label = user.email ?? user.name ?? user.id;
          return (
            <TableRow key={user.id} data-user-email={user.email ?? undefined}>
              <TableCell>
                <p className="font-medium">
                  {label}
                  {self ? <span className="ml-2 text-xs text-muted-foreground">(you)</span> : null}
                </p>
                {user.name && user.email ? <p className="text-sm text-muted-foreground">{user.name}</p> : null}
              </TableCell>
              <TableCell>
                <UserRoleSelect userId={user.id} label={label} role={user.role} disabled={self} />
              </TableCell>
              <TableCell>
                {user.disabledAt ? (
                  <Badge variant="destructive" title={`Since ${user.disabledAt.toLocaleString()}`}>
                    Disabled
                  </Badge>
                ) : (
                  <Badge variant="success">Active</Badge>
                )}
              </TableCell>
              <TableCell className="text-right tabular-nums">
                {user.files} / {user.jobs}
              </TableCell>
              <TableCell>{user.createdAt.toLocaleDateString()}</TableCell>
              <TableCell className="text-right">
                <UserStatusButton userId={user.id} label={label} disabled={user.disabledAt !== null} self={self} />
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
