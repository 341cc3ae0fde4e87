// Who is calling: an employee of the portal, or a guest who came in through an invite.
// An employee's `name` is the directory's (authenticate.ts sets it), never a token claim's.
export type Principal =
  | { kind: 'employee'; id: string; name: string }
  | { kind: 'guest'; id: string; name: string; room: string; inviteId: string };

export type EmployeePrincipal = Extract<Principal, { kind: 'employee' }>;
export type GuestPrincipal = Extract<Principal, { kind: 'guest' }>;
