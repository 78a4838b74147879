/** Why a new password is refused, or null. Shown live in the form and enforced again by the core. */
export type PasswordProblem = 'too-short' | 'too-simple' | 'same-as-username';

export const MIN_PASSWORD_LENGTH = 8;

export function passwordProblem(password: string, username: string): PasswordProblem | null {
  if (password.length < MIN_PASSWORD_LENGTH) return 'too-short';
  if (username && password.toLowerCase().includes(username.toLowerCase())) return 'same-as-username';
  const kinds = [/[a-zA-Z]/, /\d/, /[^a-zA-Z\d]/].filter((re) => re.test(password)).length;
  if (kinds < 2) return 'too-simple';
  return null;
}
