/** Length rules of the contract's text fields, checked before sending so the form can point at the field. */
export function displayNameValid(name: string): boolean {
  const length = name.trim().length;
  return length >= 1 && length <= 40;
}
