// Dutch words of the team pages, typed against the English ones.
import type { enTeams } from './en-teams';
import type { Shape } from './shape';

export const nlTeams: Shape<typeof enTeams> = {
  teamForm: {
    name: 'Teamnaam',
    timeZone: 'Tijdzone',
    timeZoneHint: 'Uitnodigingen en herinneringen gaan op het verzenduur in deze zone uit.',
    locale: 'Taal van de e-mails',
    sendHour: 'Verzenduur',
    sendHourHint: 'Het uur van de dag waarop uitnodigingen en herinneringen uitgaan.',
    hour: '{{hour}}:00',
    nameRequired: 'Geef het team een naam.',
  },
  createTeam: {
    title: 'Een team aanmaken',
    intro: 'Je wordt er beheerder en proceseigenaar van; nodig de anderen uit via de pagina Leden.',
    submit: 'Team aanmaken',
  },
  settings: {
    title: 'Teaminstellingen',
    readOnly: 'Alleen beheerders wijzigen deze instellingen.',
    saved: 'Opgeslagen.',
    effect:
      'Een nieuwe tijdzone of een nieuw verzenduur verplaatst de uitnodigingen en herinneringen van elke geplande sessie die nog moeten uitgaan naar de nieuwe tijd. Al verstuurde e-mails worden niet opnieuw verstuurd.',
    localeEffect: 'Een nieuwe taal geldt voor de e-mails die vanaf nu uitgaan.',
  },
  members: {
    title: 'Leden',
    readOnly: 'Alleen beheerders nodigen mensen uit, wijzigen rollen en verwijderen leden.',
    name: 'Naam',
    email: 'E-mail',
    roles: 'Rollen',
    joined: 'Lid sinds',
    noEmail: 'geen e-mailadres',
    you: '(jij)',
    rolesOf: 'Rollen van {{name}}',
    saveRoles: 'Rollen opslaan',
    rolesRequired: 'Kies minstens één rol.',
    remove: 'Verwijderen',
    removeOf: '{{name}} uit het team verwijderen',
    removeTitle: '{{name}} verwijderen?',
    removeExplain:
      'Diegene ziet het team niet meer en krijgt er geen e-mails meer van. De onderdelen waarvan diegene eigenaar is, blijven op diens naam: geef ze op de pagina Plan aan iemand anders.',
    keep: 'Behouden',
    leave: 'Dit team verlaten',
    leaveTitle: '{{team}} verlaten?',
    leaveExplain:
      'Je ziet het team niet meer en krijgt er geen e-mails meer van. De onderdelen waarvan je eigenaar bent, blijven op jouw naam tot een beheerder ze overdraagt. Om terug te komen heb je een nieuwe uitnodiging nodig.',
    leaveConfirm: 'Team verlaten',
    lastAdministrator: 'De laatste beheerder van het team kan dit niet: maak eerst iemand anders beheerder.',
  },
  invitations: {
    title: 'Uitnodigingen',
    invite: 'Iemand uitnodigen',
    email: 'E-mailadres',
    emailRequired: 'Vul een e-mailadres in.',
    roles: 'Rollen bij deelname',
    send: 'Uitnodiging versturen',
    sent: 'Uitnodiging verstuurd naar {{email}}.',
    none: 'Geen openstaande uitnodigingen.',
    expires: 'Verloopt {{at}}',
    expired: 'Verlopen',
    resend: 'Opnieuw versturen',
    resendTo: 'De uitnodiging aan {{email}} opnieuw versturen',
    revoke: 'Intrekken',
    revokeTo: 'De uitnodiging aan {{email}} intrekken',
    alreadyMember: 'Dit adres is al lid van het team.',
  },
  accept: {
    title: 'Uitnodiging voor een team',
    intro:
      'Je bent uitgenodigd voor een team in Rhythm. Als je accepteert, word je lid met de rollen uit de uitnodiging.',
    signedInAs: 'Je bent ingelogd als {{email}}. De uitnodiging moet naar dit adres zijn gestuurd.',
    submit: 'Uitnodiging accepteren',
    noToken: 'Deze link bevat geen uitnodiging. Open de link uit de uitnodigingsmail opnieuw.',
    joined: 'Je bent lid geworden van {{team}}.',
    openTeam: 'Naar het plan van het team',
    problems: {
      wrongAddress:
        'Deze uitnodiging is naar een ander e-mailadres gestuurd. Log uit en log in met het adres waarnaar de uitnodiging ging.',
      gone: 'Deze uitnodiging is verlopen of ingetrokken. Vraag een beheerder van het team om haar opnieuw te versturen.',
      used: 'Deze uitnodiging is al gebruikt, of je bent al lid van dit team.',
      unknown:
        'Deze uitnodigingslink is onbekend. Als de uitnodiging opnieuw is verstuurd, gebruik dan de link uit de nieuwste e-mail.',
    },
    signOut: 'Uitloggen',
  },
  profile: {
    title: 'Mijn profiel',
    name: 'Naam',
    email: 'E-mailadres',
    locale: 'Taal van je e-mails',
    timeZone: 'Jouw tijdzone',
    teamDefault: 'Die van het team',
    saved: 'Opgeslagen.',
  },
};
