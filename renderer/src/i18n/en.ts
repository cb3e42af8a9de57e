import type { ru } from './ru';

export const en: typeof ru = {
  appName: 'Qabyl',
  nav: {
    contracts: 'Contracts',
    specialQueue: 'Special queue',
    groups: 'Groups',
    attention: 'Needs attention',
    settings: 'Settings',
    about: 'About',
    main: 'Main navigation',
  },
  demoBanner: 'Demo mode: the data and signatures are test ones; do not use them for real decisions.',
  settings: { title: 'Settings', language: 'Interface language', saved: 'Settings saved' },
  about: {
    title: 'About',
    description: 'Qabyl is the workplace of kindergarten staff and PMPK specialists: reviewing electronic contracts and special-queue applications.',
    appVersion: 'App version',
    dbSchemaVersion: 'Database schema version',
    dataDir: 'Data folder',
    protocolVersion: 'Sync protocol version',
    mode: 'Mode',
    server: 'Server',
    modes: { demo: 'Demo', production: 'Production' },
  },
  supportExport: {
    title: 'Export for support',
    description:
      'The app encrypts its database files so that ordinary tools cannot open them. When support asks, export the database into one SQLCipher 4 file and tell them the passphrase separately (for example by phone). The file holds children’s and parents’ personal data: send it only over a protected channel.',
    passphrase: 'Export passphrase',
    passphraseHint: 'At least {{min}} characters; the app does not keep it.',
    tooShort: 'The passphrase must have at least {{min}} characters.',
    run: 'Export',
    running: 'Exporting… A large database can take a few minutes; you can keep working meanwhile.',
    doneTitle: 'Export ready',
    done: '{{rows}} records. The file is in this folder:',
  },
  startup: {
    loading: 'Qabyl is starting…',
    reencryptTitle: 'Moving the database to the new encryption',
    reencryptBody:
      'This happens once and can take a few minutes for a large database. Please keep the app open: if it is interrupted, it starts again on the next launch and nothing is lost.',
    reencryptFile: 'File {{fileNumber}} of {{files}}',
    reencryptedTitle: 'The database now uses the new encryption',
    reencryptedBody: '{{rows}} records moved. A backup of the old file is kept in the data folder: {{backupFile}}.',
  },
  sync: { footer: 'Sync', backendOffline: 'No connection to the app backend — reconnecting…' },
  errors: {
    generic: 'The action failed: {{message}}',
    BACKEND_UNAVAILABLE: 'The app backend is unavailable. Wait a few seconds and try again.',
    TIMEOUT: 'The app did not answer in time. Try again.',
  },
  placeholder: 'This section is being prepared.',
  language: { kk: 'Қазақша', ru: 'Русский', en: 'English' },
};
