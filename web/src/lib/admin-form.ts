/** Pure helpers for the admin page (/admin), kept apart from the route so they can be tested. */

/**
 * The body of PATCH /api/admin/users/{id} from the per-user form: only the fields filled in (an
 * empty password field keeps the password), and `disabled` from the select ("keep" sends nothing).
 */
export function userPatch(values: Record<string, string | null>) {
  const patch: Record<string, unknown> = {};
  for (const name of ['name', 'organisation', 'role', 'password'] as const) if (values[name]) patch[name] = values[name];
  if (values.disabled === 'disable') patch.disabled = true;
  if (values.disabled === 'enable') patch.disabled = false;
  return patch;
}
