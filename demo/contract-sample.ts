/**
 * A realistic sample contract (fictional people and kindergarten, IINs/BIN with valid check digits) for
 * template work (`npm run contract:pdf -- --sample`), tests and the benchmark.
 */
import type { ContractPdfData } from '../domain/contract-pdf/data';
import { TEMPLATE_VERSION } from '../domain/contract-pdf/template';

export function sampleContractPdfData(): ContractPdfData {
  return {
    templateVersion: TEMPLATE_VERSION,
    contract: {
      number: 'ДО-2026-000417',
      date: '2026-08-17',
      group: { kk: 'Ортаңғы топ «Күншуақ»', ru: 'Средняя группа «Күншуақ»' },
      teachingLanguage: 'kk',
      startDate: '2026-09-01',
      isVoucher: true,
    },
    organisation: {
      nameKk: '«Балдырған» бөбекжайы» ЖШС',
      nameRu: 'ТОО «Ясли-сад «Балдырган»',
      bin: '150440012344',
      address: 'Астана қ., Есіл ауданы, Қабанбай батыр даңғылы, 48',
      headFullName: 'Жұмабаева Гүлнұр Әбілқызы',
      locality: 'Астана қ. / г. Астана',
    },
    parent: {
      fullName: 'Сәрсенбаева Әйгерім Нұрланқызы',
      iin: '910722405677',
      idDocumentNumber: '054812377',
      address: 'Астана қ., Сарыарқа ауданы, Жеңіс даңғылы, 15, 112-пәтер',
      phone: '+7 701 555 12 34',
      workplace: '«Қазақтелеком» АҚ',
      position: 'бағдарламашы-инженер',
    },
    bank: { iban: 'KZ86125KZT5004100100', bic: 'HSBKKZKX', bankName: '«Халық Банк» АҚ' },
    child: { fullName: 'Сәрсенбаева Аружан Ерланқызы', iin: '220314601238', birthDate: '2022-03-14', sex: 'female' },
  };
}
