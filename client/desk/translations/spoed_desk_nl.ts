<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>Field</name>
    <message>
        <source>the given name</source>
        <translation>de voornaam</translation>
    </message>
    <message>
        <source>the family name</source>
        <translation>de achternaam</translation>
    </message>
    <message>
        <source>the date of birth</source>
        <translation>de geboortedatum</translation>
    </message>
    <message>
        <source>the age</source>
        <translation>de leeftijd</translation>
    </message>
    <message>
        <source>the municipality</source>
        <translation>de gemeente</translation>
    </message>
    <message>
        <source>the citizen service number</source>
        <translation>het burgerservicenummer</translation>
    </message>
    <message>
        <source>the phone number</source>
        <translation>het telefoonnummer</translation>
    </message>
    <message>
        <source>the caller&apos;s number</source>
        <translation>het nummer van de beller</translation>
    </message>
    <message>
        <source>who is calling</source>
        <translation>wie er belt</translation>
    </message>
    <message>
        <source>the short description</source>
        <translation>de korte omschrijving</translation>
    </message>
    <message>
        <source>the name</source>
        <translation>de naam</translation>
    </message>
    <message>
        <source>the relation</source>
        <translation>de relatie</translation>
    </message>
    <message>
        <source>the summary</source>
        <translation>de samenvatting</translation>
    </message>
    <message>
        <source>the start time</source>
        <translation>de begintijd</translation>
    </message>
    <message>
        <source>the end time</source>
        <translation>de eindtijd</translation>
    </message>
    <message>
        <source>the question</source>
        <translation>de vraag</translation>
    </message>
    <message>
        <source>the urgency</source>
        <translation>de urgentie</translation>
    </message>
    <message>
        <source>the advice</source>
        <translation>het advies</translation>
    </message>
    <message>
        <source>the agreements</source>
        <translation>de afspraken</translation>
    </message>
    <message>
        <source>the note</source>
        <translation>de notitie</translation>
    </message>
    <message>
        <source>the text</source>
        <translation>de tekst</translation>
    </message>
    <message>
        <source>the reason</source>
        <translation>de reden</translation>
    </message>
    <message>
        <source>what changed</source>
        <translation>wat er is gewijzigd</translation>
    </message>
    <message>
        <source>the closing note</source>
        <translation>de afsluitende notitie</translation>
    </message>
    <message>
        <source>the outcome of the night</source>
        <translation>de uitkomst van de nacht</translation>
    </message>
    <message>
        <source>the complexity</source>
        <translation>de complexiteit</translation>
    </message>
    <message>
        <source>the problem areas</source>
        <translation>de probleemgebieden</translation>
    </message>
    <message>
        <source>the risk flags</source>
        <translation>de risicosignalen</translation>
    </message>
    <message>
        <source>the kind</source>
        <translation>de soort</translation>
    </message>
    <message>
        <source>the receiver</source>
        <translation>de ontvanger</translation>
    </message>
    <message>
        <source>the organisation</source>
        <translation>de organisatie</translation>
    </message>
    <message>
        <source>the contact person</source>
        <translation>de contactpersoon</translation>
    </message>
    <message>
        <source>the legal ground</source>
        <translation>de wettelijke grondslag</translation>
    </message>
    <message>
        <source>the step</source>
        <translation>de stap</translation>
    </message>
    <message>
        <source>the time</source>
        <translation>het tijdstip</translation>
    </message>
    <message>
        <source>the date of the consent</source>
        <translation>de datum van de toestemming</translation>
    </message>
    <message>
        <source>the parent or guardian</source>
        <translation>de ouder of voogd</translation>
    </message>
    <message>
        <source>valid until</source>
        <translation>geldig tot</translation>
    </message>
    <message>
        <source>the kind of consent</source>
        <translation>de soort toestemming</translation>
    </message>
    <message>
        <source>the professional</source>
        <translation>de hulpverlener</translation>
    </message>
    <message>
        <source>the professional&apos;s phone</source>
        <translation>het telefoonnummer van de hulpverlener</translation>
    </message>
    <message>
        <source>the legal measure</source>
        <translation>de maatregel</translation>
    </message>
    <message>
        <source>the date of the meeting</source>
        <translation>de datum van het overleg</translation>
    </message>
    <message>
        <source>the planned date</source>
        <translation>de geplande datum</translation>
    </message>
    <message>
        <source>the participants</source>
        <translation>de deelnemers</translation>
    </message>
    <message>
        <source>what went well</source>
        <translation>wat goed ging</translation>
    </message>
    <message>
        <source>what could be better</source>
        <translation>wat beter kan</translation>
    </message>
    <message>
        <source>the status</source>
        <translation>de stand</translation>
    </message>
    <message>
        <source>the user name</source>
        <translation>de gebruikersnaam</translation>
    </message>
    <message>
        <source>the password</source>
        <translation>het wachtwoord</translation>
    </message>
    <message>
        <source>your current password</source>
        <translation>uw huidige wachtwoord</translation>
    </message>
    <message>
        <source>the new password</source>
        <translation>het nieuwe wachtwoord</translation>
    </message>
    <message>
        <source>the six-digit code</source>
        <translation>de zescijferige code</translation>
    </message>
    <message>
        <source>the shift note</source>
        <translation>de dienstnotitie</translation>
    </message>
    <message>
        <source>the youth</source>
        <translation>de jeugdige</translation>
    </message>
    <message>
        <source>the case</source>
        <translation>de casus</translation>
    </message>
    <message>
        <source>the consult</source>
        <translation>het consult</translation>
    </message>
    <message>
        <source>the handover</source>
        <translation>de overdracht</translation>
    </message>
    <message>
        <source>the evaluation</source>
        <translation>de evaluatie</translation>
    </message>
    <message>
        <source>the proposal</source>
        <translation>het verbetervoorstel</translation>
    </message>
    <message>
        <source>the user</source>
        <translation>de gebruiker</translation>
    </message>
    <message>
        <source>the break-the-glass</source>
        <translation>de break-the-glass</translation>
    </message>
    <message>
        <source>the pre-registration</source>
        <translation>de vooraanmelding</translation>
    </message>
    <message>
        <source>the consent</source>
        <translation>de toestemming</translation>
    </message>
    <message>
        <source>the start of the call</source>
        <translation>het begin van het gesprek</translation>
    </message>
    <message>
        <source>the Meldcode track</source>
        <translation>het Meldcode-traject</translation>
    </message>
    <message>
        <source>the signals</source>
        <translation>de signalen</translation>
    </message>
    <message>
        <source>who was consulted</source>
        <translation>wie geraadpleegd is</translation>
    </message>
    <message>
        <source>the conversation</source>
        <translation>het gesprek</translation>
    </message>
    <message>
        <source>with whom the conversation was held</source>
        <translation>met wie het gesprek gevoerd is</translation>
    </message>
    <message>
        <source>the conversation&apos;s note</source>
        <translation>de toelichting bij het gesprek</translation>
    </message>
    <message>
        <source>question 1 (suspicion)</source>
        <translation>vraag 1 (vermoeden)</translation>
    </message>
    <message>
        <source>question 2 (unsafety)</source>
        <translation>vraag 2 (onveiligheid)</translation>
    </message>
    <message>
        <source>question 3 (help possible)</source>
        <translation>vraag 3 (hulp mogelijk)</translation>
    </message>
    <message>
        <source>question 4 (help accepted)</source>
        <translation>vraag 4 (hulp aanvaard)</translation>
    </message>
    <message>
        <source>question 5 (lasting safety)</source>
        <translation>vraag 5 (duurzame veiligheid)</translation>
    </message>
    <message>
        <source>the decision</source>
        <translation>het besluit</translation>
    </message>
    <message>
        <source>Veilig Thuis&apos; reference</source>
        <translation>de referentie van Veilig Thuis</translation>
    </message>
</context>
<context>
    <name>PlanFormat</name>
    <message>
        <source>Signs: %1</source>
        <translation>Signalen: %1</translation>
    </message>
    <message>
        <source>What I do: %1</source>
        <translation>Wat ik doe: %1</translation>
    </message>
    <message>
        <source>What others do: %1</source>
        <translation>Wat anderen doen: %1</translation>
    </message>
    <message>
        <source>Green phase</source>
        <translation>Groene fase</translation>
    </message>
    <message>
        <source>Orange phase</source>
        <translation>Oranje fase</translation>
    </message>
    <message>
        <source>Red phase</source>
        <translation>Rode fase</translation>
    </message>
    <message>
        <source>1. Warning signs</source>
        <translation>1. Waarschuwingssignalen</translation>
    </message>
    <message>
        <source>2. Own coping</source>
        <translation>2. Wat ik zelf kan doen</translation>
    </message>
    <message>
        <source>3. Distracting people</source>
        <translation>3. Mensen die afleiden</translation>
    </message>
    <message>
        <source>3. Distracting places</source>
        <translation>3. Plekken die afleiden</translation>
    </message>
    <message>
        <source>4. People who can help</source>
        <translation>4. Mensen die kunnen helpen</translation>
    </message>
    <message>
        <source>5. Professionals and agencies</source>
        <translation>5. Hulpverleners en instanties</translation>
    </message>
    <message>
        <source>6. Making the environment safe</source>
        <translation>6. De omgeving veilig maken</translation>
    </message>
    <message>
        <source>Crisis workers: do</source>
        <translation>Crisisdienst: wel doen</translation>
    </message>
    <message>
        <source>Crisis workers: avoid</source>
        <translation>Crisisdienst: vermijden</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>Afspraken</translation>
    </message>
    <message>
        <source>Plan version %1</source>
        <translation>Plan versie %1</translation>
    </message>
    <message>
        <source>by %1, %2 — %3</source>
        <translation>door %1, %2 — %3</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>Groen</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>Oranje</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>Rood</translation>
    </message>
    <message>
        <source>Signs</source>
        <translation>Signalen</translation>
    </message>
    <message>
        <source>What I do</source>
        <translation>Wat ik doe</translation>
    </message>
    <message>
        <source>What others do</source>
        <translation>Wat anderen doen</translation>
    </message>
    <message>
        <source>No changes.</source>
        <translation>Geen wijzigingen.</translation>
    </message>
    <message>
        <source>Offline: from the copy of %1. Read-only; earlier cases are not in the copy.</source>
        <translation>Offline: uit de kopie van %1. Alleen lezen; eerdere casussen staan niet in de kopie.</translation>
    </message>
    <message>
        <source>There is no plan for this youth.</source>
        <translation>Er is geen plan voor deze jongere.</translation>
    </message>
</context>
<context>
    <name>Text</name>
    <message>
        <source>crisis worker</source>
        <translation>crisismedewerker</translation>
    </message>
    <message>
        <source>psychiatrist</source>
        <translation>psychiater</translation>
    </message>
    <message>
        <source>coordinator</source>
        <translation>coördinator</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>beheerder</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>onbekend</translation>
    </message>
    <message>
        <source>Suicidality</source>
        <translation>Suïcidaliteit</translation>
    </message>
    <message>
        <source>Suicide attempt</source>
        <translation>Suïcidepoging</translation>
    </message>
    <message>
        <source>Self-harm</source>
        <translation>Zelfbeschadiging</translation>
    </message>
    <message>
        <source>Severe aggression</source>
        <translation>Ernstige agressie</translation>
    </message>
    <message>
        <source>Domestic violence</source>
        <translation>Huiselijk geweld</translation>
    </message>
    <message>
        <source>Substance use</source>
        <translation>Middelengebruik</translation>
    </message>
    <message>
        <source>Runaway</source>
        <translation>Weggelopen</translation>
    </message>
    <message>
        <source>Psychosis</source>
        <translation>Psychose</translation>
    </message>
    <message>
        <source>Child abuse</source>
        <translation>Kindermishandeling</translation>
    </message>
    <message>
        <source>Stayed home</source>
        <translation>Bleef thuis</translation>
    </message>
    <message>
        <source>With own network</source>
        <translation>Bij eigen netwerk</translation>
    </message>
    <message>
        <source>Crisis placement</source>
        <translation>Crisisplaatsing</translation>
    </message>
    <message>
        <source>Admission</source>
        <translation>Opname</translation>
    </message>
    <message>
        <source>not yet known</source>
        <translation>nog niet bekend</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>gewoon</translation>
    </message>
    <message>
        <source>complex</source>
        <translation>complex</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>niet ingevuld</translation>
    </message>
    <message>
        <source>Incoming call</source>
        <translation>Inkomend gesprek</translation>
    </message>
    <message>
        <source>Outgoing call</source>
        <translation>Uitgaand gesprek</translation>
    </message>
    <message>
        <source>Home visit</source>
        <translation>Huisbezoek</translation>
    </message>
    <message>
        <source>Youth</source>
        <translation>Jeugdige</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Ouder</translation>
    </message>
    <message>
        <source>Professional</source>
        <translation>Hulpverlener</translation>
    </message>
    <message>
        <source>Police</source>
        <translation>Politie</translation>
    </message>
    <message>
        <source>GP</source>
        <translation>Huisarts</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Anders</translation>
    </message>
    <message>
        <source>&amp;Advice</source>
        <translation>&amp;Advies</translation>
    </message>
    <message>
        <source>A&amp;greements</source>
        <translation>Afspra&amp;ken</translation>
    </message>
    <message>
        <source>&amp;De-escalating conversation</source>
        <translation>&amp;De-escalerend gesprek</translation>
    </message>
    <message>
        <source>&amp;Network engaged</source>
        <translation>Net&amp;werk ingeschakeld</translation>
    </message>
    <message>
        <source>&amp;Home visit</source>
        <translation>&amp;Huisbezoek</translation>
    </message>
    <message>
        <source>&amp;Psychiatrist consulted</source>
        <translation>Ps&amp;ychiater geraadpleegd</translation>
    </message>
    <message>
        <source>&amp;Veilig Thuis notified</source>
        <translation>&amp;Veilig Thuis ingelicht</translation>
    </message>
    <message>
        <source>Within the shift</source>
        <translation>Binnen de dienst</translation>
    </message>
    <message>
        <source>Within the hour</source>
        <translation>Binnen het uur</translation>
    </message>
    <message>
        <source>Now, call back</source>
        <translation>Nu, terugbellen</translation>
    </message>
    <message>
        <source>Ongoing care</source>
        <translation>Lopende zorg</translation>
    </message>
    <message>
        <source>Intensive home treatment</source>
        <translation>Intensieve behandeling thuis (IHT)</translation>
    </message>
    <message>
        <source>Local team</source>
        <translation>Lokaal team</translation>
    </message>
    <message>
        <source>Veilig Thuis</source>
        <translation>Veilig Thuis</translation>
    </message>
    <message>
        <source>Receiver contacted</source>
        <translation>Ontvanger gesproken</translation>
    </message>
    <message>
        <source>Family contacted</source>
        <translation>Gezin gesproken</translation>
    </message>
    <message>
        <source>Agreements recorded</source>
        <translation>Afspraken vastgelegd</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Bevestigd</translation>
    </message>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>bevestigd</translation>
    </message>
    <message>
        <source>escalated</source>
        <translation>opgeschaald</translation>
    </message>
    <message>
        <source>Pre-registration</source>
        <translation>Vooraanmelding</translation>
    </message>
    <message>
        <source>Dossier access</source>
        <translation>Inzage dossier</translation>
    </message>
    <message>
        <source>Inform local team</source>
        <translation>Lokaal team informeren</translation>
    </message>
    <message>
        <source>Share plan</source>
        <translation>Plan delen</translation>
    </message>
    <message>
        <source>Care provider</source>
        <translation>Zorgaanbieder</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Geen</translation>
    </message>
    <message>
        <source>Supervision order (OTS)</source>
        <translation>Ondertoezichtstelling (OTS)</translation>
    </message>
    <message>
        <source>Guardianship</source>
        <translation>Voogdij</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>niet vastgelegd</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Geopend</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Consult requested</source>
        <translation>Consult gevraagd</translation>
    </message>
    <message>
        <source>Consult answered</source>
        <translation>Consult beantwoord</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Bijgewerkt</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Gesloten</translation>
    </message>
    <message>
        <source>Youth linked</source>
        <translation>Jeugdige gekoppeld</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>gesloten</translation>
    </message>
    <message>
        <source>The server cannot be reached.</source>
        <translation>De server is niet bereikbaar.</translation>
    </message>
    <message>
        <source>Not signed in (or the session has ended).</source>
        <translation>Niet ingelogd (of de sessie is verlopen).</translation>
    </message>
    <message>
        <source>Your role may not do this.</source>
        <translation>Uw rol mag dit niet.</translation>
    </message>
    <message>
        <source>Something in the form is not right.</source>
        <translation>Er klopt iets niet in het formulier.</translation>
    </message>
    <message>
        <source>Not found.</source>
        <translation>Niet gevonden.</translation>
    </message>
    <message>
        <source>Someone else changed this meanwhile; reload and try again.</source>
        <translation>Iemand anders heeft dit intussen gewijzigd; laad opnieuw en probeer het nog eens.</translation>
    </message>
    <message>
        <source>Too many attempts; wait a moment.</source>
        <translation>Te veel pogingen; wacht even.</translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation>Er ging iets mis.</translation>
    </message>
    <message numerus="yes">
        <source>about %n years</source>
        <translation>
            <numerusform>ongeveer %n jaar</numerusform>
            <numerusform>ongeveer %n jaar</numerusform>
        </translation>
    </message>
    <message>
        <source>A required field is empty.</source>
        <translation>Een verplicht veld is leeg.</translation>
    </message>
    <message>
        <source>Fill in %1.</source>
        <translation>Vul %1 in.</translation>
    </message>
    <message>
        <source>A text is too long.</source>
        <translation>Een tekst is te lang.</translation>
    </message>
    <message>
        <source>%1 is too long: at most %2 characters.</source>
        <translation>%1 is te lang: hoogstens %2 tekens.</translation>
    </message>
    <message>
        <source>%1 is not right; check what you typed.</source>
        <translation>%1 klopt niet; controleer wat u hebt getypt.</translation>
    </message>
    <message>
        <source>%1 lies in the future; give a time that has passed.</source>
        <translation>%1 ligt in de toekomst; geef een tijdstip dat al voorbij is.</translation>
    </message>
    <message>
        <source>The time</source>
        <translation>Het tijdstip</translation>
    </message>
    <message>
        <source>Your role may not do this. Ask the coordinator if it is needed.</source>
        <translation>Uw rol mag dit niet. Vraag de coördinator als het nodig is.</translation>
    </message>
    <message>
        <source>There is no valid consent for pre-registration. With a reason you can open the plan anyway (break the glass).</source>
        <translation>Er is geen geldige toestemming voor vooraanmelding. Met een reden kunt u het plan toch openen (break-the-glass).</translation>
    </message>
    <message>
        <source>There is no valid consent for &quot;%1&quot;. Record the consent first, or give the legal ground.</source>
        <translation>Er is geen geldige toestemming voor ‘%1’. Leg eerst de toestemming vast, of geef de wettelijke grondslag.</translation>
    </message>
    <message>
        <source>The user name or the password is not right.</source>
        <translation>De gebruikersnaam of het wachtwoord klopt niet.</translation>
    </message>
    <message>
        <source>Your role needs a second factor: type the six-digit code from your authenticator app.</source>
        <translation>Uw rol vraagt een tweede factor: typ de zescijferige code uit uw authenticator-app.</translation>
    </message>
    <message>
        <source>The six-digit code is not right or was already used; wait for the next code.</source>
        <translation>De zescijferige code klopt niet of is al gebruikt; wacht op de volgende code.</translation>
    </message>
    <message>
        <source>This account is disabled; ask the administrator.</source>
        <translation>Dit account is uitgeschakeld; vraag het de beheerder.</translation>
    </message>
    <message>
        <source>Your session has ended; sign in again.</source>
        <translation>Uw sessie is verlopen; log opnieuw in.</translation>
    </message>
    <message>
        <source>The password is not right.</source>
        <translation>Het wachtwoord klopt niet.</translation>
    </message>
    <message>
        <source>You signed in with a one-time password: choose your own password first.</source>
        <translation>U bent ingelogd met een eenmalig wachtwoord: kies eerst uw eigen wachtwoord.</translation>
    </message>
    <message>
        <source>Your own break-the-glass is reviewed by another coordinator.</source>
        <translation>Uw eigen break-the-glass wordt door een andere coördinator beoordeeld.</translation>
    </message>
    <message>
        <source>This no longer exists; refresh the screen.</source>
        <translation>Dit bestaat niet meer; vernieuw het scherm.</translation>
    </message>
    <message>
        <source>%1 no longer exists (or never did); refresh the screen.</source>
        <translation>%1 bestaat niet (meer); vernieuw het scherm.</translation>
    </message>
    <message>
        <source>This already exists.</source>
        <translation>Dit bestaat al.</translation>
    </message>
    <message>
        <source>%1 is already in use or already exists.</source>
        <translation>%1 is al in gebruik of bestaat al.</translation>
    </message>
    <message>
        <source>This was already done, by you or a colleague; refresh the screen.</source>
        <translation>Dit is al gedaan, door u of een collega; vernieuw het scherm.</translation>
    </message>
    <message>
        <source>The case is closed; open a new case for a new call.</source>
        <translation>De casus is gesloten; open een nieuwe casus voor een nieuw gesprek.</translation>
    </message>
    <message>
        <source>The case cannot close while a handover is not confirmed: record the handover&apos;s steps first.</source>
        <translation>De casus kan niet sluiten zolang een overdracht niet bevestigd is: leg eerst de stappen van de overdracht vast.</translation>
    </message>
    <message>
        <source>Record the step &quot;%1&quot; first.</source>
        <translation>Leg eerst de stap ‘%1’ vast.</translation>
    </message>
    <message>
        <source>Someone else saved version %1 meanwhile; reload it and make your change again.</source>
        <translation>Iemand anders heeft intussen versie %1 opgeslagen; laad die opnieuw en breng uw wijziging nog eens aan.</translation>
    </message>
    <message>
        <source>The case has no youth yet: register or link the youth first.</source>
        <translation>De casus heeft nog geen jeugdige: registreer of koppel eerst de jeugdige.</translation>
    </message>
    <message>
        <source>This cannot be done now.</source>
        <translation>Dit kan nu niet.</translation>
    </message>
    <message>
        <source>The server&apos;s storage is full: nothing was saved. Tell the administrator.</source>
        <translation>De opslag van de server is vol: er is niets opgeslagen. Meld het de beheerder.</translation>
    </message>
    <message>
        <source>The server could not record this in the audit log, so it did not do it; try again.</source>
        <translation>De server kon dit niet in het auditlog vastleggen en heeft het daarom niet gedaan; probeer het nog eens.</translation>
    </message>
    <message>
        <source>This is too large to send.</source>
        <translation>Dit is te groot om te versturen.</translation>
    </message>
    <message>
        <source>Something went wrong on the server; try again or tell the administrator.</source>
        <translation>Er ging iets mis op de server; probeer het nog eens of meld het de beheerder.</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Details: %1</translation>
    </message>
    <message>
        <source>problem areas</source>
        <translation>probleemgebieden</translation>
    </message>
    <message>
        <source>risk flags</source>
        <translation>risicosignalen</translation>
    </message>
    <message>
        <source>complexity</source>
        <translation>complexiteit</translation>
    </message>
    <message>
        <source>case lead</source>
        <translation>casusregie</translation>
    </message>
    <message>
        <source>outcome</source>
        <translation>uitkomst</translation>
    </message>
    <message>
        <source>caller description</source>
        <translation>omschrijving van de beller</translation>
    </message>
    <message>
        <source>other details</source>
        <translation>andere gegevens</translation>
    </message>
    <message>
        <source>cases opened in the period</source>
        <translation>casussen geopend in de periode</translation>
    </message>
    <message>
        <source>contacts of those cases</source>
        <translation>contacten van die casussen</translation>
    </message>
    <message>
        <source>cases with a recorded outcome</source>
        <translation>casussen met een vastgelegde uitkomst</translation>
    </message>
    <message>
        <source>handovers of those cases</source>
        <translation>overdrachten van die casussen</translation>
    </message>
    <message>
        <source>complex cases opened in the period</source>
        <translation>complexe casussen geopend in de periode</translation>
    </message>
    <message>
        <source>next working day</source>
        <translation>volgende werkdag</translation>
    </message>
    <message>
        <source>closure day</source>
        <translation>sluitingsdag</translation>
    </message>
    <message>
        <source>New Year&apos;s Day</source>
        <translation>Nieuwjaarsdag</translation>
    </message>
    <message>
        <source>Good Friday</source>
        <translation>Goede Vrijdag</translation>
    </message>
    <message>
        <source>Easter Monday</source>
        <translation>Tweede Paasdag</translation>
    </message>
    <message>
        <source>King&apos;s Day</source>
        <translation>Koningsdag</translation>
    </message>
    <message>
        <source>Liberation Day</source>
        <translation>Bevrijdingsdag</translation>
    </message>
    <message>
        <source>Ascension Day</source>
        <translation>Hemelvaartsdag</translation>
    </message>
    <message>
        <source>Whit Monday</source>
        <translation>Tweede Pinksterdag</translation>
    </message>
    <message>
        <source>Christmas Day</source>
        <translation>Eerste Kerstdag</translation>
    </message>
    <message>
        <source>Boxing Day</source>
        <translation>Tweede Kerstdag</translation>
    </message>
    <message>
        <source>weekend</source>
        <translation>weekend</translation>
    </message>
    <message>
        <source>A case belongs to the period in which it was opened; its contacts, consults, handovers and evaluations are counted with it.</source>
        <translation>Een casus hoort bij de periode waarin hij is geopend; zijn contacten, consulten, overdrachten en evaluaties tellen mee in die periode.</translation>
    </message>
    <message>
        <source>A case may have several problem areas and risk flags, and a contact several responses: their counts add up to more than the total, and each share is of all cases (or contacts).</source>
        <translation>Een casus kan meer probleemgebieden en risicosignalen hebben, en een contact meer interventies: de aantallen tellen op tot meer dan het totaal, en elk aandeel is van alle casussen (of contacten).</translation>
    </message>
    <message>
        <source>Weekend: cases whose shift fell on a Saturday or Sunday (a night belongs to the evening it started); weekday evening: the others.</source>
        <translation>Weekend: casussen waarvan de dienst op een zaterdag of zondag viel (een nacht hoort bij de avond waarin hij begon); doordeweekse avond: de overige.</translation>
    </message>
    <message>
        <source>Complex cases follow the evaluation rules of the configuration; held: the evaluation was held or finalised.</source>
        <translation>Complexe casussen volgen de evaluatieregels uit de configuratie; gehouden: de evaluatie is gehouden of afgerond.</translation>
    </message>
    <message>
        <source>Handovers confirmed by their due time: the confirmation was recorded at or before the due time.</source>
        <translation>Overdrachten op tijd bevestigd: de bevestiging is vastgelegd op of voor het afgesproken tijdstip.</translation>
    </message>
    <message>
        <source>Pre-registered plan: the youth had a plan before the case was opened.</source>
        <translation>Plan met vooraanmelding: de jeugdige had een plan voordat de casus werd geopend.</translation>
    </message>
    <message>
        <source>Nobody changes their own roles: another administrator does that.</source>
        <translation>Niemand wijzigt zijn eigen rollen: dat doet een andere beheerder.</translation>
    </message>
    <message>
        <source>Your role needs a second factor: set up your authenticator app first (spoedctl totp enroll).</source>
        <translation>Uw rol vraagt een tweede factor: stel eerst uw authenticator-app in (spoedctl totp enroll).</translation>
    </message>
    <message>
        <source>cases opened in the period (a case may have several problem areas)</source>
        <translation>casussen geopend in de periode (een casus kan meer probleemgebieden hebben)</translation>
    </message>
    <message>
        <source>cases opened in the period (a case may have several risk flags)</source>
        <translation>casussen geopend in de periode (een casus kan meer risicosignalen hebben)</translation>
    </message>
    <message>
        <source>contacts of those cases (a contact may have several responses)</source>
        <translation>contacten van die casussen (een contact kan meer interventies hebben)</translation>
    </message>
    <message>
        <source>proposals made in the period</source>
        <translation>verbetervoorstellen gedaan in de periode</translation>
    </message>
    <message numerus="yes">
        <source>Too many attempts; try again in %n second(s).</source>
        <translation>
            <numerusform>Te veel pogingen; probeer het over %n seconde opnieuw.</numerusform>
            <numerusform>Te veel pogingen; probeer het over %n seconden opnieuw.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many attempts; try again in %n minute(s).</source>
        <translation>
            <numerusform>Te veel pogingen; probeer het over %n minuut opnieuw.</numerusform>
            <numerusform>Te veel pogingen; probeer het over %n minuten opnieuw.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server is too busy to do this now; try again in a moment.</source>
        <translation>De server heeft het nu te druk; probeer het zo nog eens.</translation>
    </message>
    <message>
        <source>Meldcode officer</source>
        <translation>aandachtsfunctionaris</translation>
    </message>
    <message>
        <source>Meldcode started</source>
        <translation>Meldcode gestart</translation>
    </message>
    <message>
        <source>Meldcode decided</source>
        <translation>Meldcode besloten</translation>
    </message>
    <message>
        <source>Meldcode handed over</source>
        <translation>Meldcode overgedragen</translation>
    </message>
    <message>
        <source>Report to Veilig Thuis</source>
        <translation>Melden bij Veilig Thuis</translation>
    </message>
    <message>
        <source>Help organised and followed</source>
        <translation>Hulp georganiseerd en gevolgd</translation>
    </message>
    <message>
        <source>not decided</source>
        <translation>niet besloten</translation>
    </message>
    <message>
        <source>Colleague</source>
        <translation>Collega</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Gevoerd</translation>
    </message>
    <message>
        <source>Not held (safety)</source>
        <translation>Niet gevoerd (veiligheid)</translation>
    </message>
    <message>
        <source>Not recorded yet</source>
        <translation>Nog niet vastgelegd</translation>
    </message>
    <message>
        <source>decided: reported to Veilig Thuis (reference %1)</source>
        <translation>besloten: gemeld bij Veilig Thuis (referentie %1)</translation>
    </message>
    <message>
        <source>decided: %1</source>
        <translation>besloten: %1</translation>
    </message>
    <message>
        <source>handed over to %1</source>
        <translation>overgedragen aan %1</translation>
    </message>
    <message>
        <source>open: consult (step 2)</source>
        <translation>open: consulteren (stap 2)</translation>
    </message>
    <message>
        <source>open: the conversation (step 3)</source>
        <translation>open: het gesprek (stap 3)</translation>
    </message>
    <message>
        <source>open: report required</source>
        <translation>open: melden verplicht</translation>
    </message>
    <message>
        <source>open: weigh and decide (steps 4 and 5)</source>
        <translation>open: wegen en besluiten (stap 4 en 5)</translation>
    </message>
    <message>
        <source>1. Is there a suspicion of (threat of) domestic violence or child abuse?</source>
        <translation>1. Is er een vermoeden van (dreiging van) huiselijk geweld of kindermishandeling?</translation>
    </message>
    <message>
        <source>2. Is there acute or structural unsafety?</source>
        <translation>2. Is er sprake van acute of structurele onveiligheid?</translation>
    </message>
    <message>
        <source>3. Can we offer or organise effective help?</source>
        <translation>3. Kunnen wij passende en toereikende hulp bieden of organiseren?</translation>
    </message>
    <message>
        <source>4. Do those involved accept that help?</source>
        <translation>4. Aanvaarden de betrokkenen die hulp?</translation>
    </message>
    <message>
        <source>5. Does the help lead to lasting safety (followed for three months)?</source>
        <translation>5. Leidt de hulp tot duurzame veiligheid (drie maanden gevolgd)?</translation>
    </message>
    <message>
        <source>Meldcode tracks of those cases</source>
        <translation>Meldcode-trajecten van die casussen</translation>
    </message>
    <message>
        <source>The case cannot close while its Meldcode track is undecided: decide it, or hand it over with a handover.</source>
        <translation>De casus kan niet worden gesloten zolang het Meldcode-traject niet besloten is: neem een besluit, of draag het traject over met een overdracht.</translation>
    </message>
    <message>
        <source>The answers require a report to Veilig Thuis; no other decision is possible.</source>
        <translation>De antwoorden maken een melding bij Veilig Thuis verplicht; een ander besluit is niet mogelijk.</translation>
    </message>
    <message>
        <source>Record a consultation first (step 2).</source>
        <translation>Leg eerst een consultatie vast (stap 2).</translation>
    </message>
    <message>
        <source>Record the conversation first, or why it was not held (step 3).</source>
        <translation>Leg eerst het gesprek vast, of waarom het niet gevoerd is (stap 3).</translation>
    </message>
    <message>
        <source>Answer question %1 of the afwegingskader first.</source>
        <translation>Beantwoord eerst vraag %1 van het afwegingskader.</translation>
    </message>
    <message>
        <source>Meldcode officer (aandachtsfunctionaris)</source>
        <translation>Aandachtsfunctionaris</translation>
    </message>
</context>
<context>
    <name>spoed::desk::BreakGlassDialog</name>
    <message>
        <source>Break the glass</source>
        <translation>Break-the-glass</translation>
    </message>
    <message>
        <source>There is no valid consent to read this youth&apos;s plan. You can open it anyway when it is needed for the youth&apos;s safety right now. Your reason is recorded, the access holds for this youth only and for a limited time, and a coordinator reviews it.</source>
        <translation>Er is geen geldige toestemming om het plan van deze jeugdige te lezen. U kunt het toch openen als dat nu nodig is voor de veiligheid van de jeugdige. Uw reden wordt vastgelegd, de toegang geldt alleen voor deze jeugdige en voor beperkte tijd, en een coördinator beoordeelt het gebruik.</translation>
    </message>
    <message>
        <source>Why you need the plan now (at least 10 characters)</source>
        <translation>Waarom u het plan nu nodig hebt (minstens 10 tekens)</translation>
    </message>
    <message>
        <source>&amp;Open the plan</source>
        <translation>Plan &amp;openen</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>Openen…</translation>
    </message>
    <message>
        <source>Your &amp;password</source>
        <translation>Uw &amp;wachtwoord</translation>
    </message>
    <message>
        <source>Second &amp;factor</source>
        <translation>Tweede &amp;factor</translation>
    </message>
</context>
<context>
    <name>spoed::desk::BreakGlassReviews</name>
    <message>
        <source>Opened</source>
        <translation>Geopend</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Door</translation>
    </message>
    <message>
        <source>Youth</source>
        <translation>Jeugdige</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Beoordeling</translation>
    </message>
    <message>
        <source>Also &amp;reviewed</source>
        <translation>Ook &amp;beoordeelde</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>Vernieuwen (F5)</translation>
    </message>
    <message>
        <source>Review note (required)</source>
        <translation>Toelichting (verplicht)</translation>
    </message>
    <message>
        <source>&amp;Justified</source>
        <translation>&amp;Terecht</translation>
    </message>
    <message>
        <source>&amp;Not justified</source>
        <translation>&amp;Niet terecht</translation>
    </message>
    <message>
        <source>justified</source>
        <translation>terecht</translation>
    </message>
    <message>
        <source>not justified</source>
        <translation>niet terecht</translation>
    </message>
    <message>
        <source>to review</source>
        <translation>te beoordelen</translation>
    </message>
    <message>
        <source>Review saved.</source>
        <translation>Beoordeling opgeslagen.</translation>
    </message>
</context>
<context>
    <name>spoed::desk::CaseUpdateForm</name>
    <message>
        <source>Risk flags</source>
        <translation>Risicosignalen</translation>
    </message>
    <message>
        <source>tags for the figures, separated by commas</source>
        <translation>labels voor de cijfers, gescheiden door komma&apos;s</translation>
    </message>
    <message>
        <source>Sa&amp;ve case</source>
        <translation>Casus opsl&amp;aan</translation>
    </message>
    <message>
        <source>Close &amp;case</source>
        <translation>Casus slui&amp;ten</translation>
    </message>
    <message>
        <source>&amp;Problem areas</source>
        <translation>Pro&amp;bleemgebieden</translation>
    </message>
    <message>
        <source>&amp;Outcome of the night</source>
        <translation>&amp;Uitkomst van de nacht</translation>
    </message>
    <message>
        <source>Comple&amp;xity</source>
        <translation>Comple&amp;xiteit</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Opgeslagen.</translation>
    </message>
    <message>
        <source>Case closed.</source>
        <translation>Casus gesloten.</translation>
    </message>
</context>
<context>
    <name>spoed::desk::CaseView</name>
    <message>
        <source>Youth and &amp;plan</source>
        <translation>Jeugdige en &amp;plan</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>Vernieuwen (F5)</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Log &amp;contact</source>
        <translation>&amp;Contact vastleggen</translation>
    </message>
    <message>
        <source>Consu&amp;lt</source>
        <translation>Consu&amp;lt</translation>
    </message>
    <message>
        <source>Case &amp;details</source>
        <translation>Casus&amp;gegevens</translation>
    </message>
    <message>
        <source>Hand&amp;over</source>
        <translation>&amp;Overdracht</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>niets vastgelegd</translation>
    </message>
    <message>
        <source>&amp;Register or link the youth…</source>
        <translation>Jeugdige &amp;registreren of koppelen…</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — case %2, %3, opened %4&lt;br&gt;Risk: %5 — outcome: %6</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — casus %2, %3, geopend %4&lt;br&gt;Risico: %5 — uitkomst: %6</translation>
    </message>
    <message>
        <source>No youth linked yet: register or link the youth to see their plan.</source>
        <translation>Nog geen jeugdige gekoppeld: registreer of koppel de jeugdige om het plan te zien.</translation>
    </message>
    <message>
        <source>There is no plan for this youth.</source>
        <translation>Er is geen plan voor deze jeugdige.</translation>
    </message>
    <message>
        <source>There is no valid consent to show the plan here. In the look-up you can open it with a reason (break the glass).</source>
        <translation>Er is geen geldige toestemming om het plan hier te tonen. In Opzoeken kunt u het met een reden openen (break-the-glass).</translation>
    </message>
    <message>
        <source>A&amp;buse (Meldcode)</source>
        <translation>Meldcode-tra&amp;ject</translation>
    </message>
</context>
<context>
    <name>spoed::desk::CommandLine</name>
    <message>
        <source>The desk of Spoed: look up youths and their plans, log crisis calls, consult the psychiatrist, hand over to regular care.</source>
        <translation>De desk van Spoed: jeugdigen en hun plannen opzoeken, crisisgesprekken vastleggen, de achterwacht raadplegen, warm overdragen aan de reguliere zorg.</translation>
    </message>
    <message>
        <source>Show this help and quit.</source>
        <translation>Toon deze hulp en stop.</translation>
    </message>
    <message>
        <source>Show the version and quit.</source>
        <translation>Toon de versie en stop.</translation>
    </message>
    <message>
        <source>The server&apos;s address, e.g. https://localhost:8443.</source>
        <translation>Het adres van de server, bijvoorbeeld https://localhost:8443.</translation>
    </message>
    <message>
        <source>The CA file that signed the server&apos;s certificate.</source>
        <translation>Het CA-bestand dat het certificaat van de server heeft ondertekend.</translation>
    </message>
    <message>
        <source>The language: nl or en.</source>
        <translation>De taal: nl (Nederlands) of en (Engels).</translation>
    </message>
    <message>
        <source>unexpected argument: %1</source>
        <translation>onverwacht argument: %1</translation>
    </message>
    <message>
        <source>--lang takes nl or en, not %1</source>
        <translation>--lang kent nl of en, niet %1</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>BESTAND</translation>
    </message>
</context>
<context>
    <name>spoed::desk::ConsultQueue</name>
    <message>
        <source>Requested</source>
        <translation>Gevraagd</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>Urgentie</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stand</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>Vernieuwen (F5)</translation>
    </message>
    <message>
        <source>Your advice to the crisis worker</source>
        <translation>Uw advies aan de crisismedewerker</translation>
    </message>
    <message>
        <source>Send &amp;advice</source>
        <translation>&amp;Advies versturen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Consult requests&lt;/b&gt;</source>
        <translation>&lt;b&gt;Consultvragen&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Case (read-only)</source>
        <translation>Casus (alleen lezen)</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Advice</source>
        <translation>Advies</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wacht</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>beantwoord</translation>
    </message>
    <message>
        <source>&lt;b&gt;Question&lt;/b&gt; (%1, %2):&lt;br&gt;%3</source>
        <translation>&lt;b&gt;Vraag&lt;/b&gt; (%1, %2):&lt;br&gt;%3</translation>
    </message>
    <message>
        <source>Advice given</source>
        <translation>Gegeven advies</translation>
    </message>
    <message>
        <source>&lt;i&gt;The youth is not known in this case.&lt;/i&gt;</source>
        <translation>&lt;i&gt;De jeugdige is in deze casus niet bekend.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Advice sent.</source>
        <translation>Advies verstuurd.</translation>
    </message>
    <message>
        <source>Youth</source>
        <translation>Jeugdige</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n year(s)</source>
        <translation>
            <numerusform>%1, %n jaar</numerusform>
            <numerusform>%1, %n jaar</numerusform>
        </translation>
    </message>
    <message>
        <source>Advice — %1</source>
        <translation>Advies — %1</translation>
    </message>
    <message numerus="yes">
        <source>%1, about %n year(s)</source>
        <translation>
            <numerusform>%1, ongeveer %n jaar</numerusform>
            <numerusform>%1, ongeveer %n jaar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>spoed::desk::ConsultRequestForm</name>
    <message>
        <source>Your question for the backup psychiatrist</source>
        <translation>Uw vraag aan de achterwacht (psychiater)</translation>
    </message>
    <message>
        <source>As&amp;k the psychiatrist</source>
        <translation>Psychiater &amp;vragen</translation>
    </message>
    <message>
        <source>&amp;Question</source>
        <translation>Vr&amp;aag</translation>
    </message>
    <message>
        <source>&amp;Urgency</source>
        <translation>&amp;Urgentie</translation>
    </message>
    <message>
        <source>Type your question for the psychiatrist first.</source>
        <translation>Typ eerst uw vraag aan de psychiater.</translation>
    </message>
    <message>
        <source>Consult question — %1</source>
        <translation>Consultvraag — %1</translation>
    </message>
</context>
<context>
    <name>spoed::desk::ContactForm</name>
    <message>
        <source>Ended &amp;now</source>
        <translation>Net a&amp;fgelopen</translation>
    </message>
    <message>
        <source>What happened, what was agreed</source>
        <translation>Wat er gebeurde, wat is afgesproken</translation>
    </message>
    <message>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <source>&amp;Log contact (Ctrl+Enter)</source>
        <translation>Contact vastleggen (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Responses</source>
        <translation>Interventies</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>Soor&amp;t</translation>
    </message>
    <message>
        <source>Ca&amp;ller</source>
        <translation>&amp;Beller</translation>
    </message>
    <message>
        <source>Caller&apos;s &amp;number</source>
        <translation>&amp;Nummer van de beller</translation>
    </message>
    <message>
        <source>&amp;Started</source>
        <translation>Begonn&amp;en</translation>
    </message>
    <message>
        <source>Su&amp;mmary</source>
        <translation>Sa&amp;menvatting</translation>
    </message>
    <message>
        <source>Plan &amp;version consulted</source>
        <translation>Geraadpleegde planvers&amp;ie</translation>
    </message>
    <message>
        <source>Start the call (F2)</source>
        <translation>Gesprek starten (F2)</translation>
    </message>
    <message>
        <source>The call&apos;s start and end times come from this timer.</source>
        <translation>De begin- en eindtijd van het gesprek komen van deze klok.</translation>
    </message>
    <message>
        <source>Call running since %1: %2:%3</source>
        <translation>Gesprek loopt sinds %1: %2:%3</translation>
    </message>
    <message>
        <source>Contact — %1</source>
        <translation>Contact — %1</translation>
    </message>
    <message>
        <source>Call without the server — %1</source>
        <translation>Gesprek zonder server — %1</translation>
    </message>
</context>
<context>
    <name>spoed::desk::DirectoryView</name>
    <message>
        <source>Organisation / contact</source>
        <translation>Organisatie / contactpersoon</translation>
    </message>
    <message>
        <source>Kind / role</source>
        <translation>Soort / rol</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Gemeente</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Bereikbaar</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>Vernieuwen (F5)</translation>
    </message>
    <message>
        <source>Edit organisation</source>
        <translation>Organisatie bewerken</translation>
    </message>
    <message>
        <source>one per line: name | role | phone | availability | * for the designated contact</source>
        <translation>één per regel: naam | rol | telefoon | bereikbaarheid | * voor de vaste contactpersoon</translation>
    </message>
    <message>
        <source>New organisation</source>
        <translation>Nieuwe organisatie</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>Opsl&amp;aan</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Availability</source>
        <translation>Bereikbaarheid</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contactpersonen</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Opgeslagen.</translation>
    </message>
</context>
<context>
    <name>spoed::desk::DraftSender</name>
    <message>
        <source>Connection is back: sending…</source>
        <translation>Verbinding is terug: versturen…</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Versturen…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Opgeslagen.</translation>
    </message>
    <message>
        <source>Not sent yet: the server cannot be reached. It stays here and is sent as soon as the connection is back.</source>
        <translation>Nog niet verstuurd: de server is niet bereikbaar. Het blijft hier staan en wordt verstuurd zodra de verbinding terug is.</translation>
    </message>
    <message>
        <source>Text that was not sent yet is back. Check it and save it.</source>
        <translation>Tekst die nog niet verzonden was, staat er weer. Controleer hem en sla hem op.</translation>
    </message>
</context>
<context>
    <name>spoed::desk::EvaluationsView</name>
    <message>
        <source>planned</source>
        <translation>gepland</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>te laat</translation>
    </message>
    <message>
        <source>held</source>
        <translation>gehouden</translation>
    </message>
    <message>
        <source>finalised</source>
        <translation>afgerond</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>onbekend</translation>
    </message>
    <message>
        <source>planned by hand</source>
        <translation>met de hand gepland</translation>
    </message>
    <message>
        <source>marked complex</source>
        <translation>als complex gemarkeerd</translation>
    </message>
    <message>
        <source>crisis placement</source>
        <translation>crisisplaatsing</translation>
    </message>
    <message>
        <source>admission</source>
        <translation>opname</translation>
    </message>
    <message>
        <source>suicide attempt</source>
        <translation>suïcidepoging</translation>
    </message>
    <message>
        <source>repeat crises</source>
        <translation>herhaalde crises</translation>
    </message>
    <message>
        <source>with own network</source>
        <translation>bij eigen netwerk</translation>
    </message>
    <message>
        <source>stayed home</source>
        <translation>bleef thuis</translation>
    </message>
    <message>
        <source>risk flag</source>
        <translation>risicosignaal</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>Uiterlijk</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Casus</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Waarom</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>&amp;Plan an evaluation of case</source>
        <translation>Evaluatie &amp;plannen van casus</translation>
    </message>
    <message>
        <source>&amp;Held on</source>
        <translation>Ge&amp;houden op</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>niet beantwoord</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>partly</source>
        <translation>deels</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nee</translation>
    </message>
    <message>
        <source>The evaluation changes the safety plan</source>
        <translation>De evaluatie verandert het veiligheidsplan</translation>
    </message>
    <message>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>Opslaa&amp;n</translation>
    </message>
    <message>
        <source>&amp;Finalise (read-only afterwards)</source>
        <translation>&amp;Afronden (daarna alleen lezen)</translation>
    </message>
    <message>
        <source>Review comment</source>
        <translation>Opmerking bij de beoordeling</translation>
    </message>
    <message>
        <source>Add &amp;comment</source>
        <translation>&amp;Opmerking toevoegen</translation>
    </message>
    <message>
        <source>Meeting &amp;planned for</source>
        <translation>Bijeenkomst &amp;gepland op</translation>
    </message>
    <message>
        <source>Pa&amp;rticipants</source>
        <translation>&amp;Deelnemers</translation>
    </message>
    <message>
        <source>Care already given</source>
        <translation>Al gegeven zorg</translation>
    </message>
    <message>
        <source>What went well</source>
        <translation>Wat ging goed</translation>
    </message>
    <message>
        <source>What could be better</source>
        <translation>Wat kon beter</translation>
    </message>
    <message>
        <source>Right help at the right time?</source>
        <translation>Juiste hulp op het juiste moment?</translation>
    </message>
    <message>
        <source>What prevents a next crisis</source>
        <translation>Wat voorkomt een volgende crisis</translation>
    </message>
    <message>
        <source>Plan changes</source>
        <translation>Wijzigingen in het plan</translation>
    </message>
    <message>
        <source>New plan version</source>
        <translation>Nieuwe planversie</translation>
    </message>
    <message>
        <source>Evaluation planned.</source>
        <translation>Evaluatie gepland.</translation>
    </message>
    <message>
        <source>Finalised.</source>
        <translation>Afgerond.</translation>
    </message>
    <message>
        <source>Comment added.</source>
        <translation>Opmerking toegevoegd.</translation>
    </message>
    <message>
        <source>&lt;i&gt;Choose an evaluation on the left.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Kies links een evaluatie.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Review&lt;/b&gt;</source>
        <translation>&lt;b&gt;Beoordeling&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Opgeslagen.</translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation>Casus %1</translation>
    </message>
    <message>
        <source>Evaluation — %1</source>
        <translation>Evaluatie — %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Evaluation: %1&lt;/b&gt; (case %2) — %3, due by %4&lt;br&gt;Why: %5</source>
        <translation>&lt;b&gt;Evaluatie: %1&lt;/b&gt; (casus %2) — %3, uiterlijk %4&lt;br&gt;Waarom: %5</translation>
    </message>
    <message>
        <source>Text that was not saved yet is back. Check it and save.</source>
        <translation>Tekst die nog niet was opgeslagen, staat er weer. Controleer hem en sla op.</translation>
    </message>
    <message>
        <source>youth</source>
        <translation>jeugdige</translation>
    </message>
    <message>
        <source>family</source>
        <translation>familie</translation>
    </message>
    <message>
        <source>one per line: organisation | name | role; for the youth or family: youth | name or family | name | role</source>
        <translation>één per regel: organisatie | naam | rol; voor de jeugdige of familie: jeugdige | naam of familie | naam | rol</translation>
    </message>
</context>
<context>
    <name>spoed::desk::FiguresView</name>
    <message>
        <source>per month</source>
        <translation>per maand</translation>
    </message>
    <message>
        <source>per quarter</source>
        <translation>per kwartaal</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Tonen</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Cijfer</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Aantal</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Aandeel</translation>
    </message>
    <message>
        <source>Of</source>
        <translation>Van</translation>
    </message>
    <message>
        <source>The story behind the figures of this period (geteld én verteld)</source>
        <translation>Het verhaal achter de cijfers van deze periode (geteld én verteld)</translation>
    </message>
    <message>
        <source>Save &amp;narrative</source>
        <translation>&amp;Verhaal opslaan</translation>
    </message>
    <message>
        <source>cases</source>
        <translation>casussen</translation>
    </message>
    <message>
        <source>contacts</source>
        <translation>contacten</translation>
    </message>
    <message>
        <source>consults</source>
        <translation>consulten</translation>
    </message>
    <message>
        <source>handovers</source>
        <translation>overdrachten</translation>
    </message>
    <message>
        <source>evaluations</source>
        <translation>evaluaties</translation>
    </message>
    <message>
        <source>proposals</source>
        <translation>verbetervoorstellen</translation>
    </message>
    <message>
        <source>Export &amp;records (CSV)…</source>
        <translation>&amp;Gegevens exporteren (CSV)…</translation>
    </message>
    <message>
        <source>Export &amp;figures (CSV)…</source>
        <translation>&amp;Cijfers exporteren (CSV)…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <source>to</source>
        <translation>tot en met</translation>
    </message>
    <message>
        <source>Narrative</source>
        <translation>Verhaal</translation>
    </message>
    <message>
        <source>Narrative saved.</source>
        <translation>Verhaal opgeslagen.</translation>
    </message>
    <message>
        <source>Export figures</source>
        <translation>Cijfers exporteren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-bestanden (*.csv)</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Geëxporteerd naar %1.</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>Kon %1 niet schrijven.</translation>
    </message>
    <message>
        <source>Export records</source>
        <translation>Gegevens exporteren</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Casussen</translation>
    </message>
    <message>
        <source>Cases and contacts per period</source>
        <translation>Casussen en contacten per periode</translation>
    </message>
    <message>
        <source>Outcome of the night</source>
        <translation>Uitkomst van de nacht</translation>
    </message>
    <message>
        <source>Weekday evenings</source>
        <translation>Doordeweekse avonden</translation>
    </message>
    <message>
        <source>Weekends</source>
        <translation>Weekenden</translation>
    </message>
    <message>
        <source>Stayed home</source>
        <translation>Bleef thuis</translation>
    </message>
    <message>
        <source>Consults</source>
        <translation>Consulten</translation>
    </message>
    <message>
        <source>Complex cases</source>
        <translation>Complexe casussen</translation>
    </message>
    <message>
        <source>With a pre-registered plan</source>
        <translation>Met een plan via vooraanmelding</translation>
    </message>
    <message>
        <source>Handovers confirmed by their due time</source>
        <translation>Overdrachten op tijd bevestigd</translation>
    </message>
    <message>
        <source>Age %1</source>
        <translation>Leeftijd %1</translation>
    </message>
    <message>
        <source>Risk: %1</source>
        <translation>Risico: %1</translation>
    </message>
    <message>
        <source>Problem area: %1</source>
        <translation>Probleemgebied: %1</translation>
    </message>
    <message>
        <source>Cases in %1</source>
        <translation>Casussen in %1</translation>
    </message>
    <message>
        <source>figure</source>
        <translation>cijfer</translation>
    </message>
    <message>
        <source>count</source>
        <translation>aantal</translation>
    </message>
    <message>
        <source>share</source>
        <translation>aandeel</translation>
    </message>
    <message>
        <source>of</source>
        <translation>van</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exporteren…</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) exported to %1.</source>
        <translation>
            <numerusform>%n regel geëxporteerd naar %1.</numerusform>
            <numerusform>%n regels geëxporteerd naar %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Calls and visits</source>
        <translation>Gesprekken en bezoeken</translation>
    </message>
    <message>
        <source>Repeat callers</source>
        <translation>Herhaalde bellers</translation>
    </message>
    <message>
        <source>Age unknown</source>
        <translation>Leeftijd onbekend</translation>
    </message>
    <message>
        <source>Youths with %1 or more cases within %2 days, at least one of them opened in the period</source>
        <translation>Jeugdigen met %1 of meer casussen binnen %2 dagen, waarvan ten minste één geopend in de periode</translation>
    </message>
</context>
<context>
    <name>spoed::desk::HandoverBoard</name>
    <message>
        <source>Due</source>
        <translation>Uiterlijk</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Aan</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Gemeente</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stand</translation>
    </message>
    <message>
        <source>Also &amp;confirmed</source>
        <translation>Ook &amp;bevestigde</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>Vernieuwen (F5)</translation>
    </message>
    <message>
        <source>The agreements made (needed for &apos;agreements recorded&apos;)</source>
        <translation>De gemaakte afspraken (nodig voor &apos;afspraken vastgelegd&apos;)</translation>
    </message>
    <message>
        <source>&amp;Escalate…</source>
        <translation>&amp;Opschalen…</translation>
    </message>
    <message>
        <source>Handover</source>
        <translation>Overdracht</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Notitie</translation>
    </message>
    <message>
        <source>A&amp;greements</source>
        <translation>Afspra&amp;ken</translation>
    </message>
    <message>
        <source>OVERDUE</source>
        <translation>TE LAAT</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 to %2&lt;/b&gt;&lt;br&gt;Contact: %3, %4&lt;br&gt;Due: %5 (%6)&lt;br&gt;State: %7</source>
        <translation>&lt;b&gt;%1 aan %2&lt;/b&gt;&lt;br&gt;Contactpersoon: %3, %4&lt;br&gt;Uiterlijk: %5 (%6)&lt;br&gt;Stand: %7</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>te laat</translation>
    </message>
    <message>
        <source>Agreements: %1</source>
        <translation>Afspraken: %1</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Klaar</translation>
    </message>
    <message>
        <source>Record: %1</source>
        <translation>Vastleggen: %1</translation>
    </message>
    <message>
        <source>Recorded: %1</source>
        <translation>Vastgelegd: %1</translation>
    </message>
    <message>
        <source>Escalate handover</source>
        <translation>Overdracht opschalen</translation>
    </message>
    <message>
        <source>Why it cannot be confirmed yet:</source>
        <translation>Waarom het nog niet bevestigd kan worden:</translation>
    </message>
    <message>
        <source>Escalated.</source>
        <translation>Opgeschaald.</translation>
    </message>
    <message>
        <source>Youth / caller</source>
        <translation>Jeugdige / beller</translation>
    </message>
</context>
<context>
    <name>spoed::desk::HandoverForm</name>
    <message>
        <source>only without consent, e.g. the reporting code (meldcode)</source>
        <translation>alleen zonder toestemming, bijv. de meldcode</translation>
    </message>
    <message>
        <source>Start &amp;handover</source>
        <translation>Overdracht starten (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Aan</translation>
    </message>
    <message>
        <source>From the &amp;directory</source>
        <translation>Uit de sociale &amp;kaart</translation>
    </message>
    <message>
        <source>Or &amp;name</source>
        <translation>Of &amp;naam</translation>
    </message>
    <message>
        <source>Contact &amp;person</source>
        <translation>Con&amp;tactpersoon</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>Tele&amp;foon</translation>
    </message>
    <message>
        <source>&amp;Legal ground</source>
        <translation>&amp;Wettelijke grond</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Uiterlijk</translation>
    </message>
    <message>
        <source>— typed in below —</source>
        <translation>— hieronder ingetypt —</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 to %2 — due %3 — %4</source>
        <translation>%1 aan %2 — uiterlijk %3 — %4</translation>
    </message>
    <message>
        <source>Handovers of this case</source>
        <translation>Overdrachten van deze casus</translation>
    </message>
</context>
<context>
    <name>spoed::desk::LoginWindow</name>
    <message>
        <source>Spoed — sign in</source>
        <translation>Spoed — inloggen</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Spoed voor Jeugd&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Spoed voor Jeugd&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>empty: the system&apos;s trusted certificates</source>
        <translation>leeg: de vertrouwde certificaten van het systeem</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Bladeren…</translation>
    </message>
    <message>
        <source>only for psychiatrists and administrators</source>
        <translation>alleen voor psychiaters en beheerders</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Inloggen</translation>
    </message>
    <message>
        <source>Se&amp;rver</source>
        <translation>Se&amp;rver</translation>
    </message>
    <message>
        <source>&amp;CA file</source>
        <translation>&amp;CA-bestand</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>&amp;Gebruikersnaam</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Wachtwoord</translation>
    </message>
    <message>
        <source>Second &amp;factor</source>
        <translation>Tweede &amp;factor</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA-certificaat</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt)</source>
        <translation>PEM-bestanden (*.pem *.crt)</translation>
    </message>
    <message>
        <source>Fill in your user name and password.</source>
        <translation>Vul uw gebruikersnaam en wachtwoord in.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Inloggen…</translation>
    </message>
    <message>
        <source>Choose a new password</source>
        <translation>Kies een nieuw wachtwoord</translation>
    </message>
    <message>
        <source>You signed in with a one-time password. Choose your own (at least 12 characters):</source>
        <translation>U bent ingelogd met een eenmalig wachtwoord. Kies uw eigen wachtwoord (minstens 12 tekens):</translation>
    </message>
    <message>
        <source>The same password again:</source>
        <translation>Hetzelfde wachtwoord nog een keer:</translation>
    </message>
    <message>
        <source>The new passwords were empty or not the same; sign in again with the one-time password.</source>
        <translation>De nieuwe wachtwoorden waren leeg of niet gelijk; log opnieuw in met het eenmalige wachtwoord.</translation>
    </message>
    <message>
        <source>Set up your second factor</source>
        <translation>Tweede factor instellen</translation>
    </message>
    <message>
        <source>Your role needs a second factor. Add this key to your authenticator app:

%1

(%2)

Then type the six-digit code it shows:</source>
        <translation>Uw rol vraagt een tweede factor. Voeg deze sleutel toe aan uw authenticator-app:

%1

(%2)

Typ daarna de zescijferige code die de app toont:</translation>
    </message>
    <message>
        <source>The second factor was not set up; sign in again to do it.</source>
        <translation>De tweede factor is niet ingesteld; log opnieuw in om dat te doen.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate could not be verified, so Spoed did not connect. Check the server address and the CA file, or ask the administrator.</source>
        <translation>Het certificaat van de server kon niet worden gecontroleerd; Spoed heeft daarom geen verbinding gemaakt. Controleer het serveradres en het CA-bestand, of vraag het de beheerder.</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Details: %1</translation>
    </message>
    <message>
        <source>Continue &amp;offline with the copy</source>
        <translation>&amp;Offline verder met de kopie</translation>
    </message>
    <message>
        <source>The plans are on this computer as an offline copy: with your password you can go on without the server.</source>
        <translation>De plannen staan als offline kopie op deze computer: met uw wachtwoord kunt u zonder de server verder.</translation>
    </message>
    <message>
        <source>This password does not open the offline copy on this computer.</source>
        <translation>Dit wachtwoord opent de offline kopie op deze computer niet.</translation>
    </message>
    <message>
        <source>The offline copy on this computer could not be opened (it was changed) and has been removed.</source>
        <translation>De offline kopie op deze computer kon niet worden geopend (hij was gewijzigd) en is verwijderd.</translation>
    </message>
    <message>
        <source>the desk started without the server</source>
        <translation>de desk is zonder de server gestart</translation>
    </message>
</context>
<context>
    <name>spoed::desk::LookupPanel</name>
    <message>
        <source>pre-registered</source>
        <translation>vooraangemeld</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) in 90 days</source>
        <translation>
            <numerusform>%n casus in 90 dagen</numerusform>
            <numerusform>%n casussen in 90 dagen</numerusform>
        </translation>
    </message>
    <message>
        <source>Name, phone number or date of birth</source>
        <translation>Naam, telefoonnummer of geboortedatum</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Casus</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Geopend</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Uitkomst</translation>
    </message>
    <message>
        <source>&amp;Open a new case</source>
        <translation>Nieuwe casus &amp;openen</translation>
    </message>
    <message>
        <source>&amp;Break the glass…</source>
        <translation>Break-the-&amp;glass…</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Zoeken</translation>
    </message>
    <message>
        <source>Earlier cases</source>
        <translation>Eerdere casussen</translation>
    </message>
    <message numerus="yes">
        <source>Unknown youth; %n earlier case(s) from this number</source>
        <translation>
            <numerusform>Onbekende jeugdige; %n eerdere casus van dit nummer</numerusform>
            <numerusform>Onbekende jeugdige; %n eerdere casussen van dit nummer</numerusform>
        </translation>
    </message>
    <message>
        <source>No one known with this number</source>
        <translation>Niemand bekend met dit nummer</translation>
    </message>
    <message>
        <source>No one found</source>
        <translation>Niemand gevonden</translation>
    </message>
    <message>
        <source>Consent: %1</source>
        <translation>Toestemming: %1</translation>
    </message>
    <message>
        <source>There is no plan for this youth.</source>
        <translation>Er is geen plan voor deze jeugdige.</translation>
    </message>
    <message>
        <source>Opened by breaking the glass, until %1. This use is reviewed by a coordinator.</source>
        <translation>Geopend via break-the-glass, tot %1. Een coördinator beoordeelt dit gebruik.</translation>
    </message>
    <message>
        <source>Case for an &amp;unknown caller…</source>
        <translation>Casus voor onbekende &amp;beller…</translation>
    </message>
    <message>
        <source>Nobody known: open a case for this caller now; the youth can be registered or linked during or after the call. Enter in the look-up does the same.</source>
        <translation>Niemand bekend: open nu een casus voor deze beller; de jeugdige kan tijdens of na het gesprek worden geregistreerd of gekoppeld. Enter in het zoekveld doet hetzelfde.</translation>
    </message>
    <message>
        <source>This youth has an open case</source>
        <translation>Deze jeugdige heeft een open casus</translation>
    </message>
    <message>
        <source>&amp;Continue the open case</source>
        <translation>&amp;Verder met de open casus</translation>
    </message>
    <message>
        <source>Open a &amp;second case</source>
        <translation>Een &amp;tweede casus openen</translation>
    </message>
    <message>
        <source>Case for an unknown caller</source>
        <translation>Casus voor een onbekende beller</translation>
    </message>
    <message>
        <source>e.g. father of a boy of about 14, Veendam</source>
        <translation>bijv. vader van een jongen van ongeveer 14, Veendam</translation>
    </message>
    <message>
        <source>&amp;Who is calling</source>
        <translation>&amp;Wie belt er</translation>
    </message>
    <message>
        <source>&amp;Number</source>
        <translation>&amp;Nummer</translation>
    </message>
    <message>
        <source>&amp;Short description</source>
        <translation>&amp;Korte beschrijving</translation>
    </message>
    <message>
        <source>&amp;Open the case</source>
        <translation>Casus &amp;openen</translation>
    </message>
    <message>
        <source>Nobody is known with this number or name. The case opens without a youth; register or link the youth during or after the call.</source>
        <translation>Niemand is bekend met dit nummer of deze naam. De casus opent zonder jeugdige; registreer of koppel de jeugdige tijdens of na het gesprek.</translation>
    </message>
    <message>
        <source>Describe the caller in a few words: who calls, about whom.</source>
        <translation>Beschrijf de beller in een paar woorden: wie belt er, over wie.</translation>
    </message>
    <message>
        <source>%1 has an open case, opened %2.</source>
        <translation>%1 heeft een open casus, geopend %2.</translation>
    </message>
    <message>
        <source>%1 has an open case, opened %2 by %3.</source>
        <translation>%1 heeft een open casus, geopend %2 door %3.</translation>
    </message>
    <message>
        <source>Continue that case, or open a second one?</source>
        <translation>Verdergaan met die casus, of een tweede openen?</translation>
    </message>
    <message numerus="yes">
        <source>about %n years (date of birth not known)</source>
        <translation>
            <numerusform>ongeveer %n jaar (geboortedatum onbekend)</numerusform>
            <numerusform>ongeveer %n jaar (geboortedatum onbekend)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 years, born %2</source>
        <translation>%1 jaar, geboren %2</translation>
    </message>
    <message>
        <source>%1, %2. Phone: %3&lt;br&gt;Network: %4</source>
        <translation>%1, %2. Telefoon: %3&lt;br&gt;Netwerk: %4</translation>
    </message>
    <message>
        <source>No one found in the offline copy</source>
        <translation>Niemand gevonden in de offline kopie</translation>
    </message>
</context>
<context>
    <name>spoed::desk::MainWindow</name>
    <message>
        <source>Spoed — %1 (%2)</source>
        <translation>Spoed — %1 (%2)</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Ingelogd als %1</translation>
    </message>
    <message>
        <source>&amp;Spoed</source>
        <translation>&amp;Spoed</translation>
    </message>
    <message>
        <source>&amp;Refresh everything</source>
        <translation>Alles &amp;vernieuwen</translation>
    </message>
    <message>
        <source>&amp;Language (after restart)</source>
        <translation>&amp;Taal (na herstart)</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Uitloggen</translation>
    </message>
    <message>
        <source>Spoed</source>
        <translation>Spoed</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Uitgelogd</translation>
    </message>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation>Uw sessie is beëindigd. Log opnieuw in.</translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation>Casus %1</translation>
    </message>
    <message>
        <source>Consult answered</source>
        <translation>Consult beantwoord</translation>
    </message>
    <message>
        <source>The psychiatrist answered a consult of case %1.</source>
        <translation>De psychiater heeft een consult van casus %1 beantwoord.</translation>
    </message>
    <message>
        <source>Handover overdue</source>
        <translation>Overdracht te laat</translation>
    </message>
    <message>
        <source>A handover of case %1 is past its due time.</source>
        <translation>Een overdracht van casus %1 is over de tijd.</translation>
    </message>
    <message>
        <source>Break-the-glass used</source>
        <translation>Break-the-glass gebruikt</translation>
    </message>
    <message>
        <source>A plan was opened without consent; it waits for your review.</source>
        <translation>Er is een plan zonder toestemming geopend; het wacht op uw beoordeling.</translation>
    </message>
    <message>
        <source>● Connected to %1</source>
        <translation>● Verbonden met %1</translation>
    </message>
    <message>
        <source> (live updates reconnecting)</source>
        <translation> (live-updates maken opnieuw verbinding)</translation>
    </message>
    <message>
        <source>● No connection — what you write is kept and sent when the server is back</source>
        <translation>● Geen verbinding — wat u schrijft blijft bewaard en wordt verstuurd zodra de server terug is</translation>
    </message>
    <message>
        <source>● Server refused: its certificate does not verify</source>
        <translation>● Server geweigerd: het certificaat klopt niet</translation>
    </message>
    <message>
        <source>● Signed out</source>
        <translation>● Uitgelogd</translation>
    </message>
    <message>
        <source>No shift has been set for tonight.</source>
        <translation>Er is voor vanavond geen dienst ingesteld.</translation>
    </message>
    <message>
        <source>&lt;b&gt;On duty tonight:&lt;/b&gt; %1 &amp;nbsp; — &amp;nbsp; &lt;b&gt;Backup psychiatrist:&lt;/b&gt; %2 (%3)</source>
        <translation>&lt;b&gt;Dienst vanavond:&lt;/b&gt; %1 &amp;nbsp; — &amp;nbsp; &lt;b&gt;Achterwacht:&lt;/b&gt; %2 (%3)</translation>
    </message>
    <message>
        <source>Urgent consult: %1</source>
        <translation>Spoedconsult: %1</translation>
    </message>
    <message>
        <source>Consult requested: %1</source>
        <translation>Consult gevraagd: %1</translation>
    </message>
    <message>
        <source>Consult request about %1.</source>
        <translation>Consultvraag over %1.</translation>
    </message>
    <message>
        <source>a case</source>
        <translation>een casus</translation>
    </message>
    <message>
        <source>Shift board</source>
        <translation>Dienstbord</translation>
    </message>
    <message>
        <source>Consults</source>
        <translation>Consulten</translation>
    </message>
    <message>
        <source>Handovers</source>
        <translation>Overdrachten</translation>
    </message>
    <message>
        <source>Look-up</source>
        <translation>Opzoeken</translation>
    </message>
    <message>
        <source>Pre-registration and plan</source>
        <translation>Vooraanmelding en plan</translation>
    </message>
    <message>
        <source>Break-the-glass reviews</source>
        <translation>Break-the-glass-beoordelingen</translation>
    </message>
    <message>
        <source>Evaluations</source>
        <translation>Evaluaties</translation>
    </message>
    <message>
        <source>Improvement proposals</source>
        <translation>Verbetervoorstellen</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Cijfers</translation>
    </message>
    <message>
        <source>Partner directory</source>
        <translation>Sociale kaart</translation>
    </message>
    <message>
        <source>This case has text that has not reached the server yet.</source>
        <translation>Deze casus heeft tekst die de server nog niet heeft bereikt.</translation>
    </message>
    <message>
        <source>Text not sent yet</source>
        <translation>Tekst nog niet verzonden</translation>
    </message>
    <message>
        <source>It stays on this computer, sealed with your password, and comes back when you open the case again or sign in again.</source>
        <translation>Hij blijft op deze computer, versleuteld met uw wachtwoord, en komt terug als u de casus weer opent of opnieuw inlogt.</translation>
    </message>
    <message>
        <source>It cannot be kept on this computer: it is lost when you close.</source>
        <translation>Hij kan niet op deze computer bewaard worden: bij sluiten gaat hij verloren.</translation>
    </message>
    <message>
        <source>&amp;Keep the text and close</source>
        <translation>Tekst &amp;bewaren en sluiten</translation>
    </message>
    <message>
        <source>Close and &amp;lose the text</source>
        <translation>Sluiten en tekst &amp;kwijtraken</translation>
    </message>
    <message>
        <source>Some of what you wrote has not reached the server yet.</source>
        <translation>Een deel van wat u schreef heeft de server nog niet bereikt.</translation>
    </message>
    <message>
        <source>Earlier drafts</source>
        <translation>Eerdere concepten</translation>
    </message>
    <message>
        <source>You wrote this earlier and it has not reached the server yet:
%1

Open it again to check and send it?</source>
        <translation>U schreef dit eerder en het heeft de server nog niet bereikt:
%1

Weer openen om te controleren en te versturen?</translation>
    </message>
    <message>
        <source>&amp;Open the drafts</source>
        <translation>Concepten &amp;openen</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>&amp;Later</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Details: %1</translation>
    </message>
    <message>
        <source>Meldcode</source>
        <translation>Meldcode</translation>
    </message>
    <message>
        <source>This call has text that has not reached the server yet.</source>
        <translation>Dit gesprek heeft tekst die de server nog niet heeft bereikt.</translation>
    </message>
    <message>
        <source>The offline copy could not be written: %1</source>
        <translation>De offline kopie kon niet worden opgeslagen: %1</translation>
    </message>
    <message>
        <source>Offline — copy of %1. Look-up and plans work from the copy, read-only; a call is written down and sent as soon as the server is back.</source>
        <translation>Offline — kopie van %1. Opzoeken en plannen werken vanuit de kopie, alleen lezen; een gesprek wordt vastgelegd en verstuurd zodra de server terug is.</translation>
    </message>
    <message>
        <source>Offline — there is no copy of the plans on this computer. What you write is kept and sent when the server is back.</source>
        <translation>Offline — er staat geen kopie van de plannen op deze computer. Wat u schrijft wordt bewaard en verstuurd zodra de server terug is.</translation>
    </message>
    <message>
        <source>Call — %1</source>
        <translation>Gesprek — %1</translation>
    </message>
    <message>
        <source>The server can be reached again. Please sign in: what you wrote and read offline is sent then.</source>
        <translation>De server is weer bereikbaar. Log opnieuw in: wat u offline schreef en las, wordt dan verstuurd.</translation>
    </message>
    <message>
        <source>The offline copy on this computer could not be opened (it was changed, or sealed with another password) and has been removed; a new one is made now.</source>
        <translation>De offline kopie op deze computer kon niet worden geopend (hij was gewijzigd, of verzegeld met een ander wachtwoord) en is verwijderd; er wordt nu een nieuwe gemaakt.</translation>
    </message>
    <message>
        <source>The drafts kept on this computer could not be opened with your password, or were changed; they were set aside.</source>
        <translation>De concepten op deze computer gingen niet open met uw wachtwoord, of zijn gewijzigd; ze zijn apart gezet.</translation>
    </message>
</context>
<context>
    <name>spoed::desk::MeldcodeBoard</name>
    <message>
        <source>Started</source>
        <translation>Gestart</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Casus</translation>
    </message>
    <message>
        <source>Where it stands</source>
        <translation>Stand van zaken</translation>
    </message>
    <message>
        <source>Signals</source>
        <translation>Signalen</translation>
    </message>
    <message>
        <source>Also &amp;decided and handed-over tracks</source>
        <translation>Ook &amp;besloten en overgedragen trajecten</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>Vernieuwen (F5)</translation>
    </message>
    <message>
        <source>Meldcode tracks, undecided first. Enter opens the case.</source>
        <translation>Meldcode-trajecten, de onbesliste eerst. Enter opent de casus.</translation>
    </message>
    <message>
        <source>There are no Meldcode tracks.</source>
        <translation>Er zijn geen Meldcode-trajecten.</translation>
    </message>
    <message>
        <source>No track is undecided.</source>
        <translation>Geen enkel traject wacht op een besluit.</translation>
    </message>
</context>
<context>
    <name>spoed::desk::MeldcodeForm</name>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nee</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>niet beantwoord</translation>
    </message>
    <message>
        <source>Start a Meldcode track</source>
        <translation>Meldcode-traject starten</translation>
    </message>
    <message>
        <source>What was seen or heard that points to domestic violence or child abuse</source>
        <translation>Wat is gezien of gehoord dat wijst op huiselijk geweld of kindermishandeling</translation>
    </message>
    <message>
        <source>&amp;1. Signals</source>
        <translation>&amp;1. Signalen</translation>
    </message>
    <message>
        <source>2. Consultation</source>
        <translation>2. Consultatie</translation>
    </message>
    <message>
        <source>name, function, organisation</source>
        <translation>naam, functie, organisatie</translation>
    </message>
    <message>
        <source>Discussed &amp;anonymously (without naming the family)</source>
        <translation>Anoniem besproken (&amp;zonder de familie te noemen)</translation>
    </message>
    <message>
        <source>R&amp;ecord consultation</source>
        <translation>Consultatie vastl&amp;eggen</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Met</translation>
    </message>
    <message>
        <source>Aandachtsf&amp;unctionaris</source>
        <translation>Aandachtsf&amp;unctionaris</translation>
    </message>
    <message>
        <source>&amp;Who</source>
        <translation>&amp;Wie</translation>
    </message>
    <message>
        <source>Ad&amp;vice</source>
        <translation>Ad&amp;vies</translation>
    </message>
    <message>
        <source>Signals, conversation and the afwegingskader</source>
        <translation>Signalen, gesprek en afwegingskader</translation>
    </message>
    <message>
        <source>e.g. the youth and the mother</source>
        <translation>bijv. de jeugdige en de moeder</translation>
    </message>
    <message>
        <source>What was said; or why it was not held</source>
        <translation>Wat er besproken is; of waarom het niet gevoerd is</translation>
    </message>
    <message>
        <source>&amp;3. Conversation</source>
        <translation>&amp;3. Gesprek</translation>
    </message>
    <message>
        <source>W&amp;ith whom</source>
        <translation>Me&amp;t wie</translation>
    </message>
    <message>
        <source>&amp;How it went, or why not</source>
        <translation>&amp;Hoe het ging, of waarom niet</translation>
    </message>
    <message>
        <source>&lt;b&gt;4 and 5. The afwegingskader&lt;/b&gt;</source>
        <translation>&lt;b&gt;4 en 5. Het afwegingskader&lt;/b&gt;</translation>
    </message>
    <message>
        <source>why</source>
        <translation>waarom</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Besluit</translation>
    </message>
    <message>
        <source>Re&amp;gister the decision</source>
        <translation>Besluit &amp;nemen</translation>
    </message>
    <message>
        <source>Decisio&amp;n</source>
        <translation>&amp;Besluit</translation>
    </message>
    <message>
        <source>Veilig Thuis&apos; re&amp;ference</source>
        <translation>Re&amp;ferentie van Veilig Thuis</translation>
    </message>
    <message>
        <source>E&amp;xplanation</source>
        <translation>Toel&amp;ichting</translation>
    </message>
    <message>
        <source>Or hand the track over</source>
        <translation>Of het traject overdragen</translation>
    </message>
    <message>
        <source>Hand the track over with this handover</source>
        <translation>Met deze overdracht overdragen</translation>
    </message>
    <message>
        <source>The receiving organisation decides; the case can then close.</source>
        <translation>De ontvangende organisatie besluit; de casus kan dan worden gesloten.</translation>
    </message>
    <message>
        <source>B&amp;y handover</source>
        <translation>Bij over&amp;dracht</translation>
    </message>
    <message>
        <source>This case has no Meldcode track. Start one when there are signals of domestic violence or child abuse.</source>
        <translation>Deze casus heeft geen Meldcode-traject. Start er een bij signalen van huiselijk geweld of kindermishandeling.</translation>
    </message>
    <message>
        <source>This case has no Meldcode track.</source>
        <translation>Deze casus heeft geen Meldcode-traject.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Meldcode: %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;Meldcode: %1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;br&gt;Started %1 by %2</source>
        <translation>&lt;br&gt;Gestart %1 door %2</translation>
    </message>
    <message>
        <source>1. Signals</source>
        <translation>1. Signalen</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>nog geen</translation>
    </message>
    <message>
        <source>anonymously</source>
        <translation>anoniem</translation>
    </message>
    <message>
        <source>3. Conversation:</source>
        <translation>3. Gesprek:</translation>
    </message>
    <message>
        <source>4 and 5. The afwegingskader</source>
        <translation>4 en 5. Het afwegingskader</translation>
    </message>
    <message>
        <source>Decision:</source>
        <translation>Besluit:</translation>
    </message>
    <message>
        <source>The answers require a report to Veilig Thuis: unsafety, or help that cannot be offered, is not accepted or does not lead to lasting safety.</source>
        <translation>De antwoorden maken melden bij Veilig Thuis verplicht: er is onveiligheid, of hulp kan niet worden geboden, wordt niet aanvaard of leidt niet tot duurzame veiligheid.</translation>
    </message>
    <message>
        <source>(no aandachtsfunctionaris registered)</source>
        <translation>(geen aandachtsfunctionaris geregistreerd)</translation>
    </message>
    <message>
        <source>(start a handover first)</source>
        <translation>(start eerst een overdracht)</translation>
    </message>
    <message>
        <source>The Meldcode track has started. Consult a colleague, the aandachtsfunctionaris or Veilig Thuis next.</source>
        <translation>Het Meldcode-traject is gestart. Raadpleeg nu een collega, de aandachtsfunctionaris of Veilig Thuis.</translation>
    </message>
    <message>
        <source>Consultation recorded.</source>
        <translation>Consultatie vastgelegd.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Opgeslagen.</translation>
    </message>
    <message>
        <source>The decision is recorded.</source>
        <translation>Het besluit is vastgelegd.</translation>
    </message>
    <message>
        <source>The track is handed over.</source>
        <translation>Het traject is overgedragen.</translation>
    </message>
    <message>
        <source>Start the &amp;track</source>
        <translation>&amp;Traject starten</translation>
    </message>
    <message>
        <source>Save the s&amp;teps</source>
        <translation>Stappen opsl&amp;aan</translation>
    </message>
</context>
<context>
    <name>spoed::desk::OfflineCallView</name>
    <message>
        <source>A call written down without the server: saving it opens the case from the call&apos;s start and logs the contact, as soon as the server can be reached.</source>
        <translation>Een gesprek vastgelegd zonder de server: bij opslaan wordt de casus geopend vanaf het begin van het gesprek en het contact vastgelegd, zodra de server bereikbaar is.</translation>
    </message>
    <message>
        <source>This youth is not in the offline copy: there is no plan to show.</source>
        <translation>Deze jongere staat niet in de offline kopie: er is geen plan om te tonen.</translation>
    </message>
    <message>
        <source>Unknown caller: %1</source>
        <translation>Onbekende beller: %1</translation>
    </message>
    <message>
        <source>No youth is known for this call: register or link the youth in the case once the server is back.</source>
        <translation>Bij dit gesprek is geen jongere bekend: registreer of koppel de jongere in de casus zodra de server terug is.</translation>
    </message>
</context>
<context>
    <name>spoed::desk::OfflineCopy</name>
    <message numerus="yes">
        <source>The offline copy was not brought up to date for %n hour(s) and has been removed.</source>
        <translation>
            <numerusform>De offline kopie is %n uur niet bijgewerkt en is verwijderd.</numerusform>
            <numerusform>De offline kopie is %n uur niet bijgewerkt en is verwijderd.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your roles changed: the offline copy has been removed.</source>
        <translation>Uw rollen zijn gewijzigd: de offline kopie is verwijderd.</translation>
    </message>
</context>
<context>
    <name>spoed::desk::PlanEditor</name>
    <message>
        <source>Find a youth: name, phone number or date of birth</source>
        <translation>Jeugdige zoeken: naam, telefoonnummer of geboortedatum</translation>
    </message>
    <message>
        <source>Pre-registration</source>
        <translation>Vooraanmelding</translation>
    </message>
    <message>
        <source>Save pre-registration</source>
        <translation>Vooraanmelding opslaan</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisatie</translation>
    </message>
    <message>
        <source>Professional</source>
        <translation>Hulpverlener</translation>
    </message>
    <message>
        <source>Professional&apos;s phone</source>
        <translation>Telefoon hulpverlener</translation>
    </message>
    <message>
        <source>Ongoing care</source>
        <translation>Lopende zorg</translation>
    </message>
    <message>
        <source>Contact there</source>
        <translation>Contactpersoon daar</translation>
    </message>
    <message>
        <source>Legal measure</source>
        <translation>Maatregel</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>Groen</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>Oranje</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>Rood</translation>
    </message>
    <message>
        <source>Signs</source>
        <translation>Signalen</translation>
    </message>
    <message>
        <source>What I do</source>
        <translation>Wat ik doe</translation>
    </message>
    <message>
        <source>What others do</source>
        <translation>Wat anderen doen</translation>
    </message>
    <message>
        <source>one per line: name | relation | phone</source>
        <translation>één per regel: naam | relatie | telefoon</translation>
    </message>
    <message>
        <source>one per line</source>
        <translation>één per regel</translation>
    </message>
    <message>
        <source>What changed and why (required)</source>
        <translation>Wat er veranderde en waarom (verplicht)</translation>
    </message>
    <message>
        <source>Save as &amp;new version</source>
        <translation>Opslaan als &amp;nieuwe versie</translation>
    </message>
    <message>
        <source>&lt;b&gt;Plan&lt;/b&gt;</source>
        <translation>&lt;b&gt;Plan&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Changes against the previous version:</source>
        <translation>Wijzigingen ten opzichte van de vorige versie:</translation>
    </message>
    <message>
        <source>Pre-registered.</source>
        <translation>Vooraangemeld.</translation>
    </message>
    <message>
        <source>Not pre-registered (needs consent).</source>
        <translation>Niet vooraangemeld (toestemming nodig).</translation>
    </message>
    <message>
        <source>the editor against its base</source>
        <translation>de editor tegen zijn basis</translation>
    </message>
    <message>
        <source>version %1 (%2)</source>
        <translation>versie %1 (%2)</translation>
    </message>
    <message>
        <source>A first version.</source>
        <translation>Een eerste versie.</translation>
    </message>
    <message>
        <source>Against version %1:</source>
        <translation>Ten opzichte van versie %1:</translation>
    </message>
    <message>
        <source>Version %1 against version %2:</source>
        <translation>Versie %1 ten opzichte van versie %2:</translation>
    </message>
    <message>
        <source>Saved as version %1.</source>
        <translation>Opgeslagen als versie %1.</translation>
    </message>
    <message>
        <source>Pre-registration saved.</source>
        <translation>Vooraanmelding opgeslagen.</translation>
    </message>
    <message>
        <source>Plan changes — %1</source>
        <translation>Planwijzigingen — %1</translation>
    </message>
    <message>
        <source>Changes that were not saved yet are back. Check them and save.</source>
        <translation>Wijzigingen die nog niet waren opgeslagen, staan er weer. Controleer ze en sla op.</translation>
    </message>
    <message>
        <source>Changes that were not saved yet are back; they were made on version %1, and version %2 is the newest now: compare before saving.</source>
        <translation>Wijzigingen die nog niet waren opgeslagen, staan er weer; ze zijn gemaakt op versie %1, en versie %2 is nu de nieuwste: vergelijk voor u opslaat.</translation>
    </message>
</context>
<context>
    <name>spoed::desk::ProposalsBoard</name>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <source>discussed</source>
        <translation>besproken</translation>
    </message>
    <message>
        <source>adopted</source>
        <translation>overgenomen</translation>
    </message>
    <message>
        <source>implemented</source>
        <translation>ingevoerd</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>afgewezen</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>onbekend</translation>
    </message>
    <message>
        <source>care partner</source>
        <translation>ketenpartner</translation>
    </message>
    <message>
        <source>municipality</source>
        <translation>gemeente</translation>
    </message>
    <message>
        <source>own team</source>
        <translation>eigen team</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>Voorstel</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Aan</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thema</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Evaluations</source>
        <translation>Evaluaties</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Sinds</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>E&amp;xporteren (CSV)…</translation>
    </message>
    <message>
        <source>The proposal, for the care chain</source>
        <translation>Het voorstel, voor de keten</translation>
    </message>
    <message>
        <source>partner or municipality; empty for the own team</source>
        <translation>partner of gemeente; leeg voor het eigen team</translation>
    </message>
    <message>
        <source>e.g. bereikbaarheid</source>
        <translation>bijv. bereikbaarheid</translation>
    </message>
    <message>
        <source>evaluation numbers, separated by commas</source>
        <translation>evaluatienummers, gescheiden door komma&apos;s</translation>
    </message>
    <message>
        <source>&amp;New proposal</source>
        <translation>&amp;Nieuw voorstel</translation>
    </message>
    <message>
        <source>note (required when rejected)</source>
        <translation>toelichting (verplicht bij afwijzen)</translation>
    </message>
    <message>
        <source>Set s&amp;tatus</source>
        <translation>S&amp;tatus zetten</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Chosen proposal:</source>
        <translation>Gekozen voorstel:</translation>
    </message>
    <message>
        <source>New proposal</source>
        <translation>Nieuw voorstel</translation>
    </message>
    <message>
        <source>Te&amp;xt</source>
        <translation>Te&amp;kst</translation>
    </message>
    <message>
        <source>Addressed to</source>
        <translation>Gericht aan</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>From evaluations</source>
        <translation>Uit evaluaties</translation>
    </message>
    <message>
        <source>Export proposals</source>
        <translation>Voorstellen exporteren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-bestanden (*.csv)</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Geëxporteerd naar %1.</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>Kon %1 niet schrijven.</translation>
    </message>
    <message>
        <source>Proposal saved.</source>
        <translation>Voorstel opgeslagen.</translation>
    </message>
    <message>
        <source>Status set.</source>
        <translation>Status gezet.</translation>
    </message>
    <message>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <source>status</source>
        <translation>status</translation>
    </message>
    <message>
        <source>addressed to</source>
        <translation>gericht aan</translation>
    </message>
    <message>
        <source>name</source>
        <translation>naam</translation>
    </message>
    <message>
        <source>theme</source>
        <translation>thema</translation>
    </message>
    <message>
        <source>proposal</source>
        <translation>voorstel</translation>
    </message>
    <message>
        <source>evaluations</source>
        <translation>evaluaties</translation>
    </message>
    <message>
        <source>created</source>
        <translation>aangemaakt</translation>
    </message>
</context>
<context>
    <name>spoed::desk::RightsBox</name>
    <message>
        <source>Rights of the youth and the parents</source>
        <translation>Rechten van jeugdige en ouders</translation>
    </message>
    <message>
        <source>Add a s&amp;tatement…</source>
        <translation>Verklaring &amp;toevoegen…</translation>
    </message>
    <message>
        <source>Save the inzage e&amp;xport…</source>
        <translation>Inzage-e&amp;xport opslaan…</translation>
    </message>
    <message>
        <source>inzage-%1.html</source>
        <translation>inzage-%1.html</translation>
    </message>
    <message>
        <source>Save the inzage export</source>
        <translation>Inzage-export opslaan</translation>
    </message>
    <message>
        <source>HTML document (*.html)</source>
        <translation>HTML-document (*.html)</translation>
    </message>
    <message>
        <source>No statements of the youth or the parents.</source>
        <translation>Geen verklaringen van de jeugdige of de ouders.</translation>
    </message>
    <message>
        <source>Statements of the youth or the parents</source>
        <translation>Verklaringen van de jeugdige of de ouders</translation>
    </message>
    <message>
        <source>the youth</source>
        <translation>de jeugdige</translation>
    </message>
    <message>
        <source>a parent</source>
        <translation>een ouder</translation>
    </message>
    <message>
        <source>about %1</source>
        <translation>over %1</translation>
    </message>
    <message>
        <source>Statement of the youth or a parent</source>
        <translation>Verklaring van de jeugdige of een ouder</translation>
    </message>
    <message>
        <source>a parent or guardian</source>
        <translation>een ouder of voogd</translation>
    </message>
    <message>
        <source>e.g. the contact of 21 November</source>
        <translation>bijv. het contact van 21 november</translation>
    </message>
    <message>
        <source>&amp;By</source>
        <translation>&amp;Door</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Naam</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;Over</translation>
    </message>
    <message>
        <source>&amp;Statement</source>
        <translation>&amp;Verklaring</translation>
    </message>
    <message>
        <source>Add to the &amp;record</source>
        <translation>Aan het d&amp;ossier toevoegen</translation>
    </message>
    <message>
        <source>The statement is added to the record and shown with it; nothing written earlier changes.</source>
        <translation>De verklaring wordt aan het dossier toegevoegd en ermee getoond; niets van wat eerder is vastgelegd verandert.</translation>
    </message>
    <message>
        <source>The statement is added to the record.</source>
        <translation>De verklaring is aan het dossier toegevoegd.</translation>
    </message>
    <message>
        <source>Gathering the record…</source>
        <translation>Het dossier wordt verzameld…</translation>
    </message>
    <message>
        <source>The inzage export of %1 is saved: %2 and %3</source>
        <translation>De inzage-export van %1 is opgeslagen: %2 en %3</translation>
    </message>
    <message>
        <source>The export could not be written to %1.</source>
        <translation>De export kon niet worden geschreven naar %1.</translation>
    </message>
    <message>
        <source>Record a destruction re&amp;quest…</source>
        <translation>&amp;Vernietigingsverzoek vastleggen…</translation>
    </message>
    <message>
        <source>Destruction request</source>
        <translation>Vernietigingsverzoek</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>afgewezen</translation>
    </message>
    <message>
        <source>granted: remove the personal data now</source>
        <translation>toegekend: de persoonsgegevens nu verwijderen</translation>
    </message>
    <message>
        <source>&amp;Asked by</source>
        <translation>&amp;Gevraagd door</translation>
    </message>
    <message>
        <source>&amp;Who</source>
        <translation>&amp;Wie</translation>
    </message>
    <message>
        <source>&amp;Decision</source>
        <translation>&amp;Besluit</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Reden</translation>
    </message>
    <message>
        <source>Re&amp;gister</source>
        <translation>&amp;Vastleggen</translation>
    </message>
    <message>
        <source>The request goes into the register with the decision and its reason. When it is granted, the youth&apos;s personal data is removed at once and cannot be brought back; the figures and the access log stay.</source>
        <translation>Het verzoek komt in het register, met het besluit en de reden. Wordt het toegekend, dan worden de persoonsgegevens van de jeugdige meteen verwijderd en zijn ze niet terug te halen; de cijfers en het toegangslog blijven.</translation>
    </message>
    <message>
        <source>The refused request is registered.</source>
        <translation>Het afgewezen verzoek is vastgelegd.</translation>
    </message>
    <message>
        <source>The personal data is removed; the record now shows %1.</source>
        <translation>De persoonsgegevens zijn verwijderd; het dossier toont nu %1.</translation>
    </message>
</context>
<context>
    <name>spoed::desk::ShiftBoard</name>
    <message>
        <source>Youth / caller</source>
        <translation>Jeugdige / beller</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Geopend</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risico</translation>
    </message>
    <message>
        <source>Handover to</source>
        <translation>Overdracht aan</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Uiterlijk</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stand</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Beantwoord</translation>
    </message>
    <message>
        <source>Advice</source>
        <translation>Advies</translation>
    </message>
    <message>
        <source>Note for the next shift</source>
        <translation>Notitie voor de volgende dienst</translation>
    </message>
    <message>
        <source>Save &amp;note</source>
        <translation>&amp;Notitie opslaan</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>Vernieuwen (F5)</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>Open casussen</translation>
    </message>
    <message>
        <source>Handovers due and overdue</source>
        <translation>Overdrachten vandaag en te laat</translation>
    </message>
    <message>
        <source>The psychiatrist&apos;s answers</source>
        <translation>Antwoorden van de psychiater</translation>
    </message>
    <message>
        <source>OVERDUE</source>
        <translation>TE LAAT</translation>
    </message>
    <message>
        <source>(waiting) %1</source>
        <translation>(wacht) %1</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Geschreven</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Door</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
    <message>
        <source>Shift notes</source>
        <translation>Dienstnotities</translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation>Casus %1</translation>
    </message>
    <message>
        <source>Shift note</source>
        <translation>Dienstnotitie</translation>
    </message>
</context>
<context>
    <name>spoed::desk::YouthLinkDialog</name>
    <message>
        <source>Register or link the youth</source>
        <translation>Jeugdige registreren of koppelen</translation>
    </message>
    <message>
        <source>Name, phone number or date of birth</source>
        <translation>Naam, telefoonnummer of geboortedatum</translation>
    </message>
    <message>
        <source>&amp;Link to this youth</source>
        <translation>&amp;Koppelen aan deze jeugdige</translation>
    </message>
    <message>
        <source>&amp;Find a known youth</source>
        <translation>Bekende jeugdige &amp;zoeken</translation>
    </message>
    <message>
        <source>Known youth</source>
        <translation>Bekende jeugdige</translation>
    </message>
    <message>
        <source>Register and l&amp;ink</source>
        <translation>&amp;Registreren en koppelen</translation>
    </message>
    <message>
        <source>New youth</source>
        <translation>Nieuwe jeugdige</translation>
    </message>
    <message>
        <source>&amp;Given name</source>
        <translation>&amp;Voornaam</translation>
    </message>
    <message>
        <source>Famil&amp;y name</source>
        <translation>&amp;Achternaam</translation>
    </message>
    <message>
        <source>&amp;Phone number</source>
        <translation>&amp;Telefoonnummer</translation>
    </message>
    <message>
        <source>&amp;Municipality</source>
        <translation>Ge&amp;meente</translation>
    </message>
    <message>
        <source>No one found: register the youth on the right.</source>
        <translation>Niemand gevonden: registreer de jeugdige rechts.</translation>
    </message>
    <message>
        <source>Linking…</source>
        <translation>Koppelen…</translation>
    </message>
    <message>
        <source>Fill in at least the given name.</source>
        <translation>Vul ten minste de voornaam in.</translation>
    </message>
    <message>
        <source>Registering…</source>
        <translation>Registreren…</translation>
    </message>
    <message>
        <source>dd-mm-yyyy, or the age if the date is not known</source>
        <translation>dd-mm-jjjj, of de leeftijd als de datum niet bekend is</translation>
    </message>
    <message>
        <source>&amp;Date of birth or age</source>
        <translation>&amp;Geboortedatum of leeftijd</translation>
    </message>
    <message>
        <source>Type the date of birth as day-month-year, e.g. 14-03-2012, or the age (e.g. 15) if the caller does not know the date.</source>
        <translation>Typ de geboortedatum als dag-maand-jaar, bijvoorbeeld 14-03-2012, of de leeftijd (bijvoorbeeld 15) als de beller de datum niet weet.</translation>
    </message>
</context>
<context>
    <name>spoed::desk::YouthNames</name>
    <message>
        <source>unknown youth: %1</source>
        <translation>onbekende jeugdige: %1</translation>
    </message>
</context>
</TS>
