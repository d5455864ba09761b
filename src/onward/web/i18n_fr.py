"""The French text of the interface, keyed by its English text (see ``onward.web.i18n``)."""

from __future__ import annotations

FRENCH: dict[str, str] = {
    # navigation and layout
    "Onward": "Onward",
    "Skip to main content": "Aller au contenu principal",
    "Main": "Navigation principale",
    "Cases": "Dossiers",
    "Case": "Dossier",
    "Users": "Utilisateurs",
    "Audit trail": "Journal d'audit",
    "Account": "Compte",
    "Sign in": "Se connecter",
    "Sign out": "Se déconnecter",
    "evidence-based assessment of direct and onward refoulement risk": (
        "évaluation étayée du risque de refoulement direct et indirect"
    ),
    "admin": "administrateur",
    "editor": "rédacteur",
    "viewer": "lecteur",
    # errors
    "Error": "Erreur",
    "Error id": "Identifiant de l'erreur",
    "Not found": "Introuvable",
    "Conflicting edit": "Modification concurrente",
    "Not allowed": "Non autorisé",
    "Something went wrong": "Une erreur s'est produite",
    "Back to the cases": "Retour aux dossiers",
    "wrong username or password, or the account is disabled": (
        "identifiant ou mot de passe incorrect, ou compte désactivé"
    ),
    "too many failed logins; try again in 15 minutes": (
        "trop de tentatives de connexion échouées ; réessayez dans 15 minutes"
    ),
    # login
    "Username": "Identifiant",
    "Password": "Mot de passe",
    # case list and import
    "Cases shared with you": "Dossiers partagés avec vous",
    "Id": "Identifiant",
    "Title": "Titre",
    "Version": "Version",
    "Last change": "Dernière modification",
    "No case is shared with you yet.": "Aucun dossier n'est encore partagé avec vous.",
    "New case from a case file": "Nouveau dossier à partir d'un fichier",
    "Case file (YAML)": "Fichier de dossier (YAML)",
    "up to": "jusqu'à",
    "or paste its text": "ou collez son texte",
    "Import": "Importer",
    "problems found": "problèmes relevés",
    "line": "ligne",
    "expected": "attendu",
    "found": "trouvé",
    "The case file is valid.": "Le fichier de dossier est valide.",
    "Case created.": "Dossier créé.",
    "Case saved.": "Dossier enregistré.",
    "No change: the case was already up to date.": "Aucun changement : le dossier était déjà à jour.",
    "Access granted.": "Accès accordé.",
    # case overview
    "Overview": "Vue d'ensemble",
    "Edit": "Modifier",
    "YAML editor": "Éditeur YAML",
    "History": "Historique",
    "Export YAML": "Exporter en YAML",
    "Person": "Personne",
    "Nationalities": "Nationalités",
    "Profile": "Profil",
    "against": "à l'égard de",
    "States": "États",
    "Held by": "Détenue par",
    "Feared": "Craints",
    "Requesting": "Requérants",
    "Proposed destinations": "Destinations envisagées",
    "As of": "À la date du",
    "Jurisdiction": "Juridiction",
    "Language": "Langue",
    "Extradition requests": "Demandes d'extradition",
    "Requesting state": "État requérant",
    "Received": "Reçue",
    "Charges": "Chefs de poursuite",
    "Legal basis": "Fondement juridique",
    "None recorded.": "Aucun élément enregistré.",
    "Proceedings": "Procédures",
    "Date": "Date",
    "Body": "Juridiction ou autorité",
    "Stage": "Étape",
    "Outcome": "Issue",
    "Destinations": "Destinations",
    "Reference": "Référence",
    "Assurances": "Assurances diplomatiques",
    "Giving state": "État qui les donne",
    "Terms": "Termes",
    "Monitoring": "Contrôle",
    "Sources": "Sources",
    "Publisher": "Éditeur",
    "Verification": "Vérification",
    "verified": "vérifiée",
    "partial": "partielle",
    "unverified": "non vérifiée",
    "Who has access": "Qui a accès",
    "User": "Utilisateur",
    "Shared by": "Partagé par",
    "Since": "Depuis",
    "Remove access": "Retirer l'accès",
    "Share with (username)": "Partager avec (identifiant)",
    "Share": "Partager",
    "Delete this case?": "Supprimer ce dossier ?",
    "Delete case": "Supprimer le dossier",
    # history
    "When": "Quand",
    "Who": "Qui",
    "What": "Quoi",
    "Fields": "Champs",
    # edit form
    "Edit the case": "Modifier le dossier",
    "Someone else saved this case while you were editing it.": (
        "Quelqu'un d'autre a enregistré ce dossier pendant que vous le modifiiez."
    ),
    "Your changes are kept below and were not saved. Open the current version in a new tab, reapply your "
    "changes, and save again.": (
        "Vos modifications sont conservées ci-dessous mais n'ont pas été enregistrées. Ouvrez la version "
        "actuelle dans un nouvel onglet, reportez-y vos modifications et enregistrez à nouveau."
    ),
    "Current version": "Version actuelle",
    "The case was not saved: correct the fields marked below.": (
        "Le dossier n'a pas été enregistré : corrigez les champs signalés ci-dessous."
    ),
    "Name of the person": "Nom de la personne",
    "as written in the main source": "tel qu'écrit dans la source principale",
    "ISO codes, e.g. KZ": "codes ISO, p. ex. KZ",
    "Custodial state": "État de détention",
    "the state holding the person, ISO code": "l'État qui détient la personne, code ISO",
    "Persecuting states": "États persécuteurs",
    "the states the person fears, ISO codes": "les États que la personne craint, codes ISO",
    "each must be a requesting state": "chacune doit être un État requérant",
    "YYYY, YYYY-MM or YYYY-MM-DD: nothing later is used": (
        "AAAA, AAAA-MM ou AAAA-MM-JJ : rien de postérieur n'est utilisé"
    ),
    "Language of drafted documents": "Langue des documents rédigés",
    "whose extradition procedure applies, e.g. FR": "procédure d'extradition applicable, p. ex. FR",
    "Note": "Note",
    "Other problems in the case file": "Autres problèmes dans le fichier de dossier",
    "These concern parts of the case not on this form; correct them in the YAML editor.": (
        "Ils concernent des parties du dossier absentes de ce formulaire ; corrigez-les dans l'éditeur YAML."
    ),
    "Save": "Enregistrer",
    "Cancel": "Annuler",
    # YAML editor
    "Case file": "Fichier de dossier",
    "The whole case file (YAML)": "Le fichier de dossier complet (YAML)",
    "every problem is reported with its line": "chaque problème est signalé avec sa ligne",
    "Check": "Vérifier",
    "Problems in place": "Les problèmes à leur place",
    "The case file with its problems": "Le fichier de dossier et ses problèmes",
    # administration
    "Name": "Nom",
    "Role": "Rôle",
    "Status": "Statut",
    "Created": "Créé",
    "Change": "Modifier",
    "active": "actif",
    "disabled": "désactivé",
    "Set role": "Changer le rôle",
    "Disable": "Désactiver",
    "Enable": "Réactiver",
    "Add a user": "Ajouter un utilisateur",
    "Add user": "Ajouter",
    "at least 10 characters": "au moins 10 caractères",
    "The chain of hashes is intact": "La chaîne d'empreintes est intacte",
    "entries": "entrées",
    "entry": "entrée",
    "Latest hash": "Dernière empreinte",
    "The audit trail has been tampered with": "Le journal d'audit a été altéré",
    "Case id": "Identifiant du dossier",
    "Filter": "Filtrer",
    "From": "Depuis",
    "Details": "Détails",
    # account
    "API tokens": "Jetons d'API",
    "Scripts send a token as the header": "Les scripts envoient un jeton dans l'en-tête",
    "Your new token, shown only once:": "Votre nouveau jeton, affiché une seule fois :",
    "Last used": "Dernière utilisation",
    "revoked": "révoqué",
    "Revoke": "Révoquer",
    "Token name": "Nom du jeton",
    "what the script does, e.g. nightly export": "ce que fait le script, p. ex. export nocturne",
    "Create token": "Créer un jeton",
    "Current password": "Mot de passe actuel",
    "New password": "Nouveau mot de passe",
    "Change password": "Changer le mot de passe",
    "the current password is wrong": "le mot de passe actuel est incorrect",
    # evidence search
    "Evidence": "Preuves",
    "Evidence search": "Recherche de preuves",
    "Search the documents": "Rechercher dans les documents",
    'words, "exact phrases", prefix*, AND / OR / NOT, -word': (
        'mots, "expressions exactes", préfixe*, AND / OR / NOT, -mot'
    ),
    "ISO codes, e.g. UA UZ": "codes ISO, p. ex. UA UZ",
    "Years": "Années",
    "source id, document id or publisher": "identifiant de source ou de document, ou éditeur",
    "Search": "Rechercher",
    "passages match": "passages correspondent",
    "Why it matters (optional)": "Pourquoi il compte (facultatif)",
    "Attach to the case": "Joindre au dossier",
    "Next results": "Résultats suivants",
    "Passages attached to this case": "Passages joints à ce dossier",
    "Passage": "Passage",
    "None yet.": "Aucun pour l'instant.",
    "Passage attached to the case.": "Passage joint au dossier.",
    "That passage was already attached.": "Ce passage était déjà joint.",
    # review queue
    "Review queue": "File de relecture",
    "Decision recorded": "Décision enregistrée",
    "proposal %s accepted": "proposition %s acceptée",
    "proposal %s merged": "proposition %s fusionnée avec un incident connu",
    "proposal %s rejected": "proposition %s rejetée",
    "No proposals here.": "Aucune proposition ici.",
    "undated": "non daté",
    "Proposed by": "Proposé par",
    "Accept": "Accepter",
    "Reject": "Rejeter",
    "Reason": "Motif",
    "pending": "en attente",
    "accepted": "acceptées",
    "rejected": "rejetées",
    "merged": "fusionnées",
    "all": "toutes",
    # knowledge base
    "Knowledge base": "Base de connaissances",
    "State": "État",
    "ISO code, e.g. KZ": "code ISO, p. ex. KZ",
    "As known on": "Connu à la date du",
    "as known on": "connu à la date du",
    "Show": "Afficher",
    "Memberships and treaty status": "Adhésions et statut des traités",
    "Instrument": "Instrument",
    "Detail": "Détail",
    "None known.": "Rien de connu.",
    "Indicators (latest year known)": "Indicateurs (dernière année connue)",
    "Indicator": "Indicateur",
    "Year": "Année",
    "Value": "Valeur",
    "Transfers from this state": "Transferts depuis cet État",
    "Transfers to this state": "Transferts vers cet État",
    "Incident": "Incident",
    "sources disagree": "les sources divergent",
    "Judgments": "Arrêts",
    # assessment
    "Assessment": "Évaluation",
    "Risk assessment": "Évaluation des risques",
    "Knowledge as of": "Connaissances à la date du",
    "Longest chain (transfers)": "Chaîne la plus longue (transferts)",
    "Assess": "Évaluer",
    "Model": "Modèle",
    "knowledge as of": "connaissances à la date du",
    "transfers at most": "transferts au plus",
    "Direct risk by state (tile map)": "Risque direct par État (carte en tuiles)",
    "Tile map: one square per state near its time-zone city (IANA tz database); not to scale.": (
        "Carte en tuiles : un carré par État, près de la ville de son fuseau horaire (base tz de l'IANA) ; "
        "sans échelle."
    ),
    "Direct risk by state (world map)": "Risque direct par État (carte du monde)",
    "Countries are filled by the direct risk of removal there; states the assessment does not score are grey.": (
        "Les pays sont colorés selon le risque direct d'un éloignement vers eux ; les États que l'évaluation ne "
        "note pas sont en gris."
    ),
    "Too small to draw at this scale:": "Trop petits pour être dessinés à cette échelle :",
    "Country shapes: Natural Earth (public domain), via world-atlas (ISC).": (
        "Contours des pays : Natural Earth (domaine public), via world-atlas (ISC)."
    ),
    "The states on the map and their direct risk": "Les États de la carte et leur risque direct",
    "not assessed": "non évalué",
    "persecuting state": "État persécuteur",
    "proposed destination": "destination envisagée",
    "Removal to": "Éloignement vers",
    "Direct risk": "Risque direct",
    "systemic practice": "pratique systémique",
    "Findings": "Constats",
    "Question": "Question",
    "direct": "direct",
    "onward": "transfert ultérieur",
    "political": "but politique",
    "Finding": "Constat",
    "Legal bases": "Fondements juridiques",
    "Reasoning": "Raisonnement",
    "What would change it": "Ce qui le changerait",
    "pieces of evidence": "éléments de preuve",
    "Chain graph": "Graphe des chaînes de transferts",
    "Arrows are onward transfers on the most likely paths, as thick as they are likely after assurances; the "
    "persecuting state is outlined in red. Select an arrow for its evidence.": (
        "Les flèches sont les transferts ultérieurs sur les chemins les plus probables, d'autant plus épaisses "
        "qu'ils sont probables après assurances ; l'État persécuteur est encadré en rouge. Choisissez une flèche "
        "pour voir ses preuves."
    ),
    "Probability of reaching": "Probabilité d'atteindre",
    "interval": "intervalle",
    "before assurances": "avant assurances",
    "of the total": "du total",
    "Evidence for each transfer": "Preuves de chaque transfert",
    "documented transfers": "transferts documentés",
    "informal transfers reported": "transferts informels signalés",
    "Notes": "Notes",
    # drafting
    "Drafting": "Rédaction",
    "Document": "Document",
    "Open letter": "Lettre ouverte",
    "Brief": "Mémoire",
    "Report": "Rapport",
    "Language of the document": "Langue du document",
    "Preview": "Aperçu",
    "Download": "Télécharger",
    "gaps are marked where evidence is still needed.": "lacunes sont signalées là où des preuves manquent encore.",
    "Preview of the draft": "Aperçu du projet",
    "Show the reasons and evidence": "Afficher les raisons et les preuves",
    # editing a case's requests, proceedings, assurances and sources item by item
    "Add": "Ajouter",
    "Remove": "Retirer",
    "Actions": "Actions",
    "Summary": "Résumé",
    "received": "reçue",
    "Add a request": "Ajouter une demande",
    "Add a proceeding": "Ajouter une procédure",
    "Add an assurance": "Ajouter une assurance",
    "Add a source": "Ajouter une source",
    "Extradition request": "Demande d'extradition",
    "Proceeding": "Procédure",
    "Assurance": "Assurance diplomatique",
    "Source": "Source",
    "The person's other names, statuses, previous ill-treatment and sources, and the case's risk model overrides, "
    "are edited in the YAML editor.": (
        "Les autres noms, statuts, mauvais traitements antérieurs et sources de la personne, ainsi que les réglages "
        "du modèle de risque propres au dossier, se modifient dans l'éditeur YAML."
    ),
    "Problems elsewhere in the case": "Problèmes ailleurs dans le dossier",
    "The case would not be valid with this change because of these items; change them first, or undo this change.": (
        "Avec cette modification, le dossier ne serait plus valide à cause de ces éléments ; modifiez-les d'abord, "
        "ou renoncez à cette modification."
    ),
    "Remove this item from the case?": "Retirer cet élément du dossier ?",
    "This item cannot be removed: the case would no longer be valid.": (
        "Cet élément ne peut pas être retiré : le dossier ne serait plus valide."
    ),
    "Other items refer to it; change them first.": "D'autres éléments y renvoient ; modifiez-les d'abord.",
    "yes": "oui",
    "no": "non",
    "Sources cited": "Sources citées",
    "Locator": "Emplacement",
    "Exact quote": "Citation exacte",
    "one source per row; a blank row adds one, clearing every field of a row removes it": (
        "une source par ligne ; une ligne vide en ajoute une, effacer tous les champs d'une ligne la retire"
    ),
    "Promise": "Engagement",
    "Wording": "Formulation",
    "at least one; a blank row adds one, clearing a row removes it": (
        "au moins un ; une ligne vide en ajoute un, effacer une ligne la retire"
    ),
    "letters, digits and _ . : -": "lettres, chiffres et _ . : -",
    "letters, digits and _ . : -; proceedings refer to it": (
        "lettres, chiffres et _ . : - ; les procédures y renvoient"
    ),
    "letters, digits and _ . : -; assurances imposed by it refer to it": (
        "lettres, chiffres et _ . : - ; les assurances qu'elle impose y renvoient"
    ),
    "letters, digits and _ . : -; facts cite it by this id": (
        "lettres, chiffres et _ . : - ; les faits la citent par cet identifiant"
    ),
    "ISO code, e.g. RU": "code ISO, p. ex. RU",
    "ISO codes, e.g. RU UA": "codes ISO, p. ex. RU UA",
    "YYYY, YYYY-MM or YYYY-MM-DD, as precise as the source": (
        "AAAA, AAAA-MM ou AAAA-MM-JJ, avec la précision de la source"
    ),
    "one per line": "un par ligne",
    "treaty or statute invoked, if known": "traité ou loi invoqués, s'ils sont connus",
    "Court or authority": "Juridiction ou autorité",
    "e.g. the investigating chamber of a court of appeal": "p. ex. la chambre de l'instruction d'une cour d'appel",
    "Stage of the procedure": "Étape de la procédure",
    "Requests it concerns": "Demandes concernées",
    "Destinations it allows removal to": "Destinations vers lesquelles elle autorise la remise",
    "Conditions": "Conditions",
    "docket or decision number": "numéro de rôle ou de décision",
    "Authority": "Autorité",
    "who gave it, e.g. the prosecutor general": "qui l'a donnée, p. ex. le procureur général",
    "Imposed by": "Imposée par",
    "the proceeding that attached it as a condition, if a court did": (
        "la procédure qui l'a posée comme condition, si une juridiction l'a fait"
    ),
    "who monitors compliance, one per line": "qui contrôle le respect, un par ligne",
    "Terms disclosed": "Termes divulgués",
    "Othman v UK §189(1)": "Othman c. Royaume-Uni, § 189 (1)",
    "Legally binding": "Juridiquement contraignante",
    "URL": "URL",
    "Identifier": "Identifiant",
    "e.g. a document symbol or application number": "p. ex. une cote de document ou un numéro de requête",
    "where in the source, if the whole source is not meant": (
        "où dans la source, si ce n'est pas la source entière qui est visée"
    ),
    "e.g. en, fr, ru": "p. ex. en, fr, ru",
    "has someone read the source and confirmed it says this?": (
        "quelqu'un a-t-il lu la source et confirmé qu'elle dit bien cela ?"
    ),
    # review decisions: corrections and merges
    "Correct the fields": "Corriger les champs",
    "Accept with changes": "Accepter avec les corrections",
    "Merge into an existing incident": "Fusionner avec un incident connu",
    "Known incidents most likely the same": "Incidents connus probablement identiques",
    "No known incident shares a state with this proposal.": "Aucun incident connu ne concerne les mêmes États.",
    "or an incident id": "ou l'identifiant d'un incident",
    "e.g. ua-uz-2006-02": "p. ex. ua-uz-2006-02",
    "Merge": "Fusionner",
    "Kind": "Nature",
    "From (state code)": "Depuis (code d'État)",
    "To (state code)": "Vers (code d'État)",
    "Persons named": "Personnes nommées",
    "Number of people": "Nombre de personnes",
    "e.g. UA": "p. ex. UA",
    "e.g. UZ": "p. ex. UZ",
    "YYYY[-MM[-DD]], or a range start/end": "AAAA[-MM[-JJ]], ou une période début/fin",
    "separated by ;": "séparées par ;",
    "e.g. asylum_seeker, journalist": "p. ex. asylum_seeker, journalist",
    "same destination": "même destination",
    "same sending state": "même État d'origine",
    "same kind": "même nature",
    "a related kind of removal": "une forme d'éloignement voisine",
    "same period": "même période",
    "nearby date": "date proche",
    # import under another id
    "Import as id": "Importer sous l'identifiant",
    "optional: stores the case under this id instead of the file's": (
        "facultatif : enregistre le dossier sous cet identifiant plutôt que celui du fichier"
    ),
    "Names of the person": "Noms de la personne",
    "Add a name": "Ajouter un nom",
    "Legal statuses of the person": "Statuts juridiques de la personne",
    "Legal status of the person": "Statut juridique de la personne",
    "Add a status": "Ajouter un statut",
    "The case's risk model overrides are edited in the YAML editor.": (
        "Les réglages du modèle de risque propres au dossier se modifient dans l'éditeur YAML."
    ),
    "Sources on the person": "Sources sur la personne",
    "as written in its own script (Cyrillic, Latin…)": "tel qu'écrit dans son alphabet (cyrillique, latin…)",
    "Language or script": "Langue ou écriture",
    "e.g. ru, kk, en, ru-Latn": "p. ex. ru, kk, en, ru-Latn",
    "Kind of name": "Type de nom",
    "the first primary name is the one letters use": "le premier nom principal est celui qu'emploient les lettres",
    "Granted by": "Accordé par",
    "ISO code of the state (or leave blank for UNHCR's mandate)": (
        "code ISO de l'État (ou laisser vide pour le mandat du HCR)"
    ),
    "Protection against": "Protection à l'égard de",
    "ISO codes of the states the protection is against, e.g. KZ": (
        "codes ISO des États à l'égard desquels la protection vaut, p. ex. KZ"
    ),
    "Previous ill-treatment": "Mauvais traitements antérieurs",
    "ISO codes of the states where the person was ill-treated before": (
        "codes ISO des États où la personne a déjà subi des mauvais traitements"
    ),
    "Note on the person": "Note sur la personne",
    "low": "faible",
    "moderate": "modéré",
    "high": "élevé",
    "very high": "très élevé",
    "Documents": "Documents",
    "Add a document": "Ajouter un document",
    "Document added": "Document ajouté",
    "This document was already ingested; nothing changed": "Ce document était déjà versé ; rien n'a changé",
    "incidents proposed for review": "incidents proposés à la revue",
    "File": "Fichier",
    "at most": "au plus",
    "State it is about": "État dont il traite",
    "e.g. the NGO or court that published it": "p. ex. l'ONG ou la juridiction qui l'a publié",
    "Propose the transfers it describes for review": "Proposer à la revue les transferts qu'il décrit",
    "Ingested documents": "Documents versés",
    "Passages": "Passages",
    "No document has been ingested yet.": "Aucun document n'a encore été versé.",
    # removals, applications and notices
    "Removal": "Éloignement",
    "Other removals": "Autres éloignements",
    "Add a removal": "Ajouter un éloignement",
    "Kind of removal": "Nature de l'éloignement",
    "Destination": "Destination",
    "ISO code of the state, e.g. BY; an extradition must go to a requesting state": (
        "code ISO de l'État, p. ex. BY ; une extradition ne peut viser qu'un État requérant"
    ),
    "Where it stands": "Où il en est",
    "Requests it answers": "Demandes auxquelles il répond",
    "for an extradition": "pour une extradition",
    "statute, decision or agreement": "loi, décision ou accord",
    "INTERPOL notice": "Notice INTERPOL",
    "INTERPOL notices": "Notices INTERPOL",
    "Add a notice": "Ajouter une notice",
    "Kind of notice": "Type de notice",
    "Requested by": "Demandée par",
    "ISO code of the state": "code ISO de l'État",
    "A challenge before the Commission for the Control of INTERPOL's Files is edited in the YAML editor.": (
        "Un recours devant la Commission de contrôle des fichiers d'INTERPOL se modifie dans l'éditeur YAML."
    ),
    "for an asylum application: e.g. first instance, appeal": (
        "pour une demande d'asile : p. ex. première instance, recours"
    ),
    "for an asylum application": "pour une demande d'asile",
    "Its later history (revocation sought, revoked, ceased, restored) is edited in the YAML editor.": (
        "Son histoire ultérieure (retrait demandé, retiré, cessé, rétabli) se modifie dans l'éditeur YAML."
    ),
    "Procedure": "Procédure",
    "the kind of removal this step belongs to; blank: the case's main one": (
        "la forme d'éloignement dont relève cette étape ; vide : celle du dossier"
    ),
    "In the knowledge base": "Dans la base de connaissances",
    "incident": "incident",
    "judgment": "arrêt",
    "Scope": "Portée",
    "read: only reads; write: also changes cases; admin: also accounts and the audit trail": (
        "read : lecture seule ; write : modifie aussi les dossiers ; admin : aussi les comptes et le journal d'audit"
    ),
    "read": "lecture",
    "write": "écriture",
    "Expires after (days)": "Expire après (jours)",
    "empty: never; at most 366": "vide : jamais ; au plus 366",
    "One-time code": "Code à usage unique",
    "only if your account uses two-factor sign-in": "seulement si votre compte utilise la connexion à deux facteurs",
    "enter the one-time code from your authenticator app (or a recovery code)": (
        "saisissez le code à usage unique de votre application d'authentification (ou un code de secours)"
    ),
    "wrong one-time code": "code à usage unique erroné",
    "Deadlines": "Délais",
    "Statutory time limits that run from a dated decision in the cases shared with you, earliest first.": (
        "Délais légaux qui courent à compter d'une décision datée dans les dossiers partagés avec vous, "
        "du plus proche au plus lointain."
    ),
    "Download for your calendar (iCalendar)": "Télécharger pour votre agenda (iCalendar)",
    "Due": "Échéance",
    "Step": "Étape",
    "Strict": "Impératif",
    "passed": "dépassé",
    "No computable deadline: none runs from a dated decision recorded in your cases.": (
        "Aucun délai calculable : aucun ne court à compter d'une décision datée enregistrée dans vos dossiers."
    ),
    "These cases could not be read here:": "Ces dossiers n'ont pas pu être lus ici :",
}
