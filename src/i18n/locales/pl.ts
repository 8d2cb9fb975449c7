// Polish (Polski): machine-written, not yet reviewed by a native speaker (docs/languages.md).
import type { Messages } from '../messages.js';

const pl: Messages = {
  processing: 'Przetwarzamy Twoją płatność…',
  checking: 'Sprawdzamy Twoją płatność w banku. Poczekaj i nie płać ponownie.',
  success: 'Płatność zakończona sukcesem. Dziękujemy!',
  redirecting: 'Przekierowujemy do Twojego banku w celu potwierdzenia płatności…',
  payByCard: 'Zapłać kartą',
  invalidData: 'Ten przycisk płatności jest źle skonfigurowany',
  failure: {
    declined: 'Płatność została odrzucona. Spróbuj inną kartą.',
    currency: 'Tą kartą nie można zapłacić w tej walucie. Spróbuj inną kartą.',
    issuer: 'Wydawca Twojej karty nie jest obsługiwany. Spróbuj inną kartą.',
    threeDs: 'Nie udało się zweryfikować karty w 3-D Secure. Spróbuj inną kartą.',
    amountLimit: 'Ta kwota jest poza limitami dozwolonymi dla tej płatności.',
    blocked: 'Tej karty nie można użyć do tej płatności. Spróbuj inną kartą.',
    timeout: 'Płatność trwała zbyt długo i nie została zrealizowana. Spróbuj ponownie.',
    unavailable: 'Usługa płatności jest chwilowo niedostępna. Spróbuj ponownie za chwilę.',
    shopSetup: 'Sklep nie może teraz przyjąć tej płatności. Skontaktuj się ze sklepem.',
    unknownOutcome: 'Nie udało się potwierdzić płatności. Nie płać ponownie: sprawdź e-mail lub skontaktuj się ze sklepem.',
    duplicate: 'Ta płatność została już wysłana. Odśwież stronę przed ponowną płatnością.',
    generic: 'Nie udało się zrealizować płatności. Spróbuj ponownie lub użyj innej karty.',
  },
};

export default pl;
