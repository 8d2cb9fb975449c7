// French (Français): machine-written, not yet reviewed by a native speaker (docs/languages.md).
import type { Messages } from '../messages.js';

const fr: Messages = {
  processing: 'Traitement de votre paiement…',
  checking: 'Nous vérifions votre paiement auprès de la banque. Veuillez patienter et ne payez pas une seconde fois.',
  success: 'Paiement réussi. Merci !',
  redirecting: 'Redirection vers votre banque pour confirmer le paiement…',
  payByCard: 'Payer par carte',
  invalidData: "Ce bouton de paiement n'est pas configuré correctement",
  failure: {
    declined: 'Le paiement a été refusé. Veuillez essayer une autre carte.',
    currency: 'Cette carte ne permet pas de payer dans cette devise. Veuillez essayer une autre carte.',
    issuer: "L'émetteur de votre carte n'est pas pris en charge. Veuillez essayer une autre carte.",
    threeDs: "Cette carte n'a pas pu être vérifiée avec 3-D Secure. Veuillez essayer une autre carte.",
    amountLimit: 'Ce montant dépasse les limites autorisées pour ce paiement.',
    blocked: 'Cette carte ne peut pas être utilisée pour ce paiement. Veuillez essayer une autre carte.',
    timeout: "Le paiement a pris trop de temps et n'a pas abouti. Veuillez réessayer.",
    unavailable: 'Le service de paiement est temporairement indisponible. Veuillez réessayer dans un instant.',
    shopSetup: 'La boutique ne peut pas accepter ce paiement pour le moment. Veuillez contacter la boutique.',
    unknownOutcome: "Nous n'avons pas pu confirmer votre paiement. Ne payez pas une seconde fois : consultez vos e-mails ou contactez la boutique.",
    duplicate: 'Ce paiement a déjà été envoyé. Veuillez actualiser la page avant de payer à nouveau.',
    generic: "Le paiement n'a pas pu aboutir. Veuillez réessayer ou utiliser une autre carte.",
  },
};

export default fr;
