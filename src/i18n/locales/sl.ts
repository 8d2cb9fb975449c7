// Slovenian (Slovenščina): machine-written, not yet reviewed by a native speaker (docs/languages.md).
import type { Messages } from '../messages.js';

const sl: Messages = {
  processing: 'Vaše plačilo se obdeluje …',
  checking: 'Vaše plačilo preverjamo pri banki. Počakajte in ne plačajte znova.',
  success: 'Plačilo je uspelo. Hvala!',
  redirecting: 'Preusmerjamo vas na vašo banko za potrditev plačila …',
  payByCard: 'Plačaj s kartico',
  invalidData: 'Ta gumb za plačilo ni pravilno nastavljen',
  failure: {
    declined: 'Plačilo je bilo zavrnjeno. Poskusite z drugo kartico.',
    currency: 'S to kartico ni mogoče plačati v tej valuti. Poskusite z drugo kartico.',
    issuer: 'Izdajatelj vaše kartice ni podprt. Poskusite z drugo kartico.',
    threeDs: 'Te kartice ni bilo mogoče preveriti s 3-D Secure. Poskusite z drugo kartico.',
    amountLimit: 'Ta znesek je zunaj dovoljenih omejitev za to plačilo.',
    blocked: 'Te kartice ni mogoče uporabiti za to plačilo. Poskusite z drugo kartico.',
    timeout: 'Plačilo je trajalo predolgo in ni bilo dokončano. Poskusite znova.',
    unavailable: 'Plačilna storitev je začasno nedosegljiva. Poskusite znova čez trenutek.',
    shopSetup: 'Trgovina tega plačila trenutno ne more sprejeti. Obrnite se na trgovino.',
    unknownOutcome: 'Vašega plačila nismo mogli potrditi. Ne plačajte znova: preverite e-pošto ali se obrnite na trgovino.',
    duplicate: 'To plačilo je bilo že poslano. Pred ponovnim plačilom osvežite stran.',
    generic: 'Plačila ni bilo mogoče dokončati. Poskusite znova ali uporabite drugo kartico.',
  },
};

export default sl;
