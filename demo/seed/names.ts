/** Name pools for seed people: Kazakh and Russian, with the matching patronymic forms. */
export const kazakhMale = ['Әлихан', 'Нұрсұлтан', 'Ерасыл', 'Даниял', 'Айбек', 'Санжар', 'Темірлан', 'Арнұр', 'Ислам', 'Алдияр'];
export const kazakhFemale = ['Айару', 'Інкәр', 'Томирис', 'Аружан', 'Медина', 'Әмина', 'Жансая', 'Дильназ', 'Айым', 'Сезім'];
export const kazakhSurnames = ['Сәрсенбаев', 'Жақыпов', 'Омаров', 'Нұрланов', 'Ахметов', 'Бекмұханов', 'Тоқтаров', 'Серікбаев', 'Әбенов', 'Қасымов'];
export const kazakhFathers = ['Ерлан', 'Нұрлан', 'Асхат', 'Бауыржан', 'Серік', 'Дәулет', 'Марат', 'Қанат'];
export const russianMale = ['Александр', 'Максим', 'Артём', 'Михаил', 'Даниил', 'Иван', 'Матвей', 'Лев'];
export const russianFemale = ['Анна', 'София', 'Мария', 'Алиса', 'Виктория', 'Полина', 'Ева', 'Варвара'];
export const russianSurnames = ['Иванов', 'Смирнов', 'Кузнецов', 'Попов', 'Васильев', 'Петров', 'Соколов', 'Морозов'];
export const russianFathers = ['Сергей', 'Андрей', 'Дмитрий', 'Алексей', 'Игорь', 'Николай', 'Олег', 'Виктор'];

export interface SeedPerson {
  fullName: string;
  sex: 'male' | 'female';
}

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length]!;

/** The n-th seed child: alternating Kazakh and Russian families, alternating sex. */
export function childName(n: number): SeedPerson {
  const sex = n % 2 === 0 ? 'male' : 'female';
  const kazakh = n % 3 !== 2;
  if (kazakh) {
    const surname = pick(kazakhSurnames, n * 7 + 3);
    const father = pick(kazakhFathers, n * 5 + 1);
    const first = sex === 'male' ? pick(kazakhMale, n) : pick(kazakhFemale, n);
    const fem = surname.endsWith('ов') || surname.endsWith('ев') ? `${surname}а` : surname;
    return { fullName: `${sex === 'male' ? surname : fem} ${first} ${father}${sex === 'male' ? 'ұлы' : 'қызы'}`, sex };
  }
  const surname = pick(russianSurnames, n * 3 + 1);
  const father = pick(russianFathers, n * 7 + 2);
  const first = sex === 'male' ? pick(russianMale, n) : pick(russianFemale, n);
  const patronymic = `${father}${sex === 'male' ? 'ович' : 'овна'}`.replace('йович', 'евич').replace('йовна', 'евна');
  return { fullName: `${sex === 'male' ? surname : `${surname}а`} ${first} ${patronymic}`, sex };
}
