// Catalan (Català): machine-written, not yet reviewed by a native speaker (docs/languages.md).
import type { Messages } from '../messages.js';

const ca: Messages = {
  processing: 'S’està processant el pagament…',
  checking: 'Estem comprovant el pagament amb el banc. Espereu i no torneu a pagar.',
  success: 'Pagament completat. Gràcies!',
  redirecting: 'Us estem portant al vostre banc per confirmar el pagament…',
  payByCard: 'Paga amb targeta',
  invalidData: 'Aquest botó de pagament no està configurat correctament',
  failure: {
    declined: 'El pagament s’ha rebutjat. Proveu amb una altra targeta.',
    currency: 'Amb aquesta targeta no es pot pagar en aquesta moneda. Proveu amb una altra targeta.',
    issuer: 'L’emissor de la vostra targeta no és compatible. Proveu amb una altra targeta.',
    threeDs: 'No s’ha pogut verificar aquesta targeta amb 3-D Secure. Proveu amb una altra targeta.',
    amountLimit: 'Aquest import és fora dels límits permesos per a aquest pagament.',
    blocked: 'Aquesta targeta no es pot fer servir per a aquest pagament. Proveu amb una altra targeta.',
    timeout: 'El pagament ha trigat massa i no s’ha completat. Torneu-ho a provar.',
    unavailable: 'El servei de pagament no està disponible temporalment. Torneu-ho a provar d’aquí a un moment.',
    shopSetup: 'La botiga no pot acceptar aquest pagament ara mateix. Poseu-vos en contacte amb la botiga.',
    unknownOutcome: 'No hem pogut confirmar el pagament. No torneu a pagar: consulteu el correu electrònic o poseu-vos en contacte amb la botiga.',
    duplicate: 'Aquest pagament ja s’ha enviat. Actualitzeu la pàgina abans de tornar a pagar.',
    generic: 'No s’ha pogut completar el pagament. Torneu-ho a provar o feu servir una altra targeta.',
  },
};

export default ca;
