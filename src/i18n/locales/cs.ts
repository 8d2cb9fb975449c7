// Czech (Čeština): machine-written, not yet reviewed by a native speaker (docs/languages.md).
import type { Messages } from '../messages.js';

const cs: Messages = {
  processing: 'Zpracováváme vaši platbu…',
  checking: 'Ověřujeme vaši platbu u banky. Počkejte prosím a neplaťte znovu.',
  success: 'Platba proběhla úspěšně. Děkujeme!',
  redirecting: 'Přesměrováváme vás do vaší banky k potvrzení platby…',
  payByCard: 'Zaplatit kartou',
  invalidData: 'Toto platební tlačítko není správně nastavené',
  failure: {
    declined: 'Platba byla zamítnuta. Zkuste prosím jinou kartu.',
    currency: 'Touto kartou nelze platit v této měně. Zkuste prosím jinou kartu.',
    issuer: 'Vydavatel vaší karty není podporován. Zkuste prosím jinou kartu.',
    threeDs: 'Kartu se nepodařilo ověřit pomocí 3-D Secure. Zkuste prosím jinou kartu.',
    amountLimit: 'Tato částka je mimo povolené limity pro tuto platbu.',
    blocked: 'Tuto kartu nelze pro tuto platbu použít. Zkuste prosím jinou kartu.',
    timeout: 'Platba trvala příliš dlouho a nebyla dokončena. Zkuste to prosím znovu.',
    unavailable: 'Platební služba je dočasně nedostupná. Zkuste to prosím za chvíli znovu.',
    shopSetup: 'Obchod teď tuto platbu nemůže přijmout. Obraťte se prosím na obchod.',
    unknownOutcome: 'Vaši platbu se nepodařilo potvrdit. Neplaťte prosím znovu: zkontrolujte svůj e-mail nebo se obraťte na obchod.',
    duplicate: 'Tato platba již byla odeslána. Před další platbou prosím obnovte stránku.',
    generic: 'Platbu se nepodařilo dokončit. Zkuste to prosím znovu nebo použijte jinou kartu.',
  },
};

export default cs;
