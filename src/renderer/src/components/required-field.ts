/**
 * Marks a field as required without putting " *" into the label's text: Mantine's own asterisk is a text node
 * inside the <label>, so a label "密码" would read "密码 *" to getByLabel and to screen readers. The mark is
 * drawn by CSS instead (app/global.css, `[data-required]::after`). Spread onto any Mantine input.
 */
export const requiredField = { labelProps: { mod: { required: true } } } as const;
