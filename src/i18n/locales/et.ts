// Estonian (Eesti): machine-written, not yet reviewed by a native speaker (docs/languages.md).
import type { Messages } from '../messages.js';

const et: Messages = {
  processing: 'Teie makset töödeldakse…',
  checking: 'Kontrollime teie makset pangas. Palun oodake ja ärge makske uuesti.',
  success: 'Makse õnnestus. Aitäh!',
  redirecting: 'Suuname teid makse kinnitamiseks teie panka…',
  payByCard: 'Maksa kaardiga',
  invalidData: 'See maksenupp ei ole õigesti seadistatud',
  failure: {
    declined: 'Makse lükati tagasi. Proovige mõnda teist kaarti.',
    currency: 'Selle kaardiga ei saa selles valuutas maksta. Proovige mõnda teist kaarti.',
    issuer: 'Teie kaardi väljastajat ei toetata. Proovige mõnda teist kaarti.',
    threeDs: 'Kaarti ei õnnestunud 3-D Secure’iga kinnitada. Proovige mõnda teist kaarti.',
    amountLimit: 'See summa on väljaspool selle makse lubatud piire.',
    blocked: 'Seda kaarti ei saa selle makse jaoks kasutada. Proovige mõnda teist kaarti.',
    timeout: 'Makse võttis liiga kaua aega ega lõppenud. Proovige uuesti.',
    unavailable: 'Makseteenus on ajutiselt kättesaamatu. Proovige hetke pärast uuesti.',
    shopSetup: 'Pood ei saa seda makset praegu vastu võtta. Võtke poega ühendust.',
    unknownOutcome: 'Me ei saanud teie makset kinnitada. Ärge makske uuesti: kontrollige oma e-posti või võtke poega ühendust.',
    duplicate: 'See makse on juba saadetud. Enne uuesti maksmist värskendage lehte.',
    generic: 'Makset ei õnnestunud lõpule viia. Proovige uuesti või kasutage mõnda teist kaarti.',
  },
};

export default et;
