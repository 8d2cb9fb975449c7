// Croatian (Hrvatski): machine-written, not yet reviewed by a native speaker (docs/languages.md).
import type { Messages } from '../messages.js';

const hr: Messages = {
  processing: 'Vaše se plaćanje obrađuje…',
  checking: 'Provjeravamo vaše plaćanje s bankom. Pričekajte i nemojte ponovno plaćati.',
  success: 'Plaćanje je uspjelo. Hvala!',
  redirecting: 'Preusmjeravamo vas u vašu banku radi potvrde plaćanja…',
  payByCard: 'Plati karticom',
  invalidData: 'Ovaj gumb za plaćanje nije ispravno postavljen',
  failure: {
    declined: 'Plaćanje je odbijeno. Pokušajte s drugom karticom.',
    currency: 'Ovom karticom nije moguće platiti u ovoj valuti. Pokušajte s drugom karticom.',
    issuer: 'Izdavatelj vaše kartice nije podržan. Pokušajte s drugom karticom.',
    threeDs: 'Ovu karticu nije bilo moguće provjeriti putem 3-D Secure. Pokušajte s drugom karticom.',
    amountLimit: 'Ovaj je iznos izvan dopuštenih ograničenja za ovo plaćanje.',
    blocked: 'Ova se kartica ne može upotrijebiti za ovo plaćanje. Pokušajte s drugom karticom.',
    timeout: 'Plaćanje je trajalo predugo i nije dovršeno. Pokušajte ponovno.',
    unavailable: 'Usluga plaćanja privremeno nije dostupna. Pokušajte ponovno za trenutak.',
    shopSetup: 'Trgovina trenutačno ne može primiti ovo plaćanje. Obratite se trgovini.',
    unknownOutcome: 'Nismo mogli potvrditi vaše plaćanje. Nemojte ponovno plaćati: provjerite e-poštu ili se obratite trgovini.',
    duplicate: 'Ovo je plaćanje već poslano. Osvježite stranicu prije ponovnog plaćanja.',
    generic: 'Plaćanje nije moguće dovršiti. Pokušajte ponovno ili upotrijebite drugu karticu.',
  },
};

export default hr;
