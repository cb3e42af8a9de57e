/** `ОСПАНОВА ЖАНАР КАЙРАТОВНА` → `ОСПАНОВА Ж. К.`: the surname with initials, as Kazakh and Russian papers name a person. */
export function surnameWithInitials(fullName: string): string {
  const [surname, ...rest] = fullName.trim().split(/\s+/);
  if (!surname) return fullName;
  return [surname, ...rest.map((part) => `${part.charAt(0).toUpperCase()}.`)].join(' ');
}
