# Participe — textes de l'interface en français (langue par défaut).

## Cadre de page
skip-to-content = Aller au contenu
nav-main = Navigation principale
nav-language = Langue
nav-home = Accueil
nav-admin = Administration
nav-login = Connexion de l'équipe
nav-logout = Se déconnecter
breadcrumb = Fil d'Ariane
footer-about = Participe, plateforme de participation citoyenne libre. Ce site fonctionne sans JavaScript et avec les lecteurs d'écran.

## Dates
date-long = { $day } { $month } { $year }
date-range = du { $start } au { $end }
date-on = le { $date }
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre

## Erreurs
error-title = Page indisponible
error-back-home = Retour à l'accueil
error-not-found = Cette page n'existe pas ou plus.
error-not-signed-in = Connectez-vous avec votre compte d'équipe pour continuer.
error-forbidden = Votre rôle ne permet pas cette action.
error-internal = Une erreur inattendue est survenue. Réessayez dans un instant ; rien de ce que vous avez saisi n'est perdu.
error-unavailable = Le site est momentanément indisponible. Réessayez dans un instant : ce que vous avez saisi est conservé (revenez à votre formulaire et renvoyez-le).
error-storage-full = Le site ne peut plus rien enregistrer pour le moment. Rien de ce qui a déjà été enregistré n'est perdu ; réessayez plus tard : ce que vous avez saisi est conservé (revenez à votre formulaire et renvoyez-le).
error-unavailable-title = Momentanément indisponible
error-unavailable-resend = Renvoyer

## Protections en amont (refus avant que l'application ne traite la demande)
error-cross-site = Ce formulaire a été envoyé depuis un autre site : il est refusé. Revenez sur la page de ce site et envoyez-le de là.
error-body-too-large = Ce qui a été envoyé est trop volumineux pour ce formulaire. Raccourcissez le texte puis renvoyez-le.
error-too-many-streams = Trop de pages en direct sont ouvertes depuis cette connexion. Fermez quelques onglets : en attendant, la page fonctionne sans mise à jour en direct.
error-streams-full = Le serveur suit trop de pages en direct en ce moment. La page fonctionne sans mise à jour en direct ; réessayez dans un instant.

## Formulaires
form-required = (obligatoire)
form-error-prefix = Erreur :
form-save = Enregistrer
form-cancel = Annuler
field-title = Titre
field-slug = Adresse courte
field-slug-hint = Lettres minuscules sans accent, chiffres et tirets, par exemple « mulhouse-solidaire ».
field-subtitle = Sous-titre ou question
field-description = Description
field-markdown-hint = Mise en forme Markdown : **gras**, *italique*, listes avec « - ».
field-image-url = Image (adresse)
field-image-url-hint = Une adresse du site (commençant par « / ») ou en https.
field-image-alt = Texte alternatif de l'image
field-image-alt-hint = Décrit l'image pour qui ne la voit pas ; laissez vide si elle est décorative.
field-start-date = Date de début
field-end-date = Date de fin
field-date-hint = Au format AAAA-MM-JJ, par exemple 2021-10-27.
field-dates = Dates
field-published = Publié
field-published-hint = Visible par tout le monde sur l'accueil.
field-email = Adresse e-mail
field-password = Mot de passe
field-name = Nom
field-role = Rôle
field-current-password = Mot de passe actuel
field-new-password = Nouveau mot de passe
field-confirm-password = Confirmez le nouveau mot de passe
field-initial-password = Mot de passe initial

## Statuts des étapes
status-upcoming = À venir
status-open = En cours
status-closed = Terminée

## Accueil
home-title = Participez aux projets de votre ville
home-intro = Donnez votre avis, proposez vos idées et suivez ce qu'elles deviennent. Aucun compte n'est nécessaire.
home-processes = Démarches en cours
home-empty = Aucune démarche n'est publiée pour le moment.
home-current-phase = Étape actuelle :
home-take-part = Découvrir et participer

## Démarche
process-phases = Les étapes
process-themes = Les thèmes
process-draft = Brouillon : cette démarche n'est pas encore publiée.
process-saved = La démarche est enregistrée.
process-edit-title = Modifier la démarche
process-error-title = Indiquez un titre.
process-error-title-long = Le titre ne doit pas dépasser 200 caractères.
process-error-slug = L'adresse courte ne peut contenir que des lettres minuscules sans accent, des chiffres et des tirets (80 caractères au plus).
process-error-slug-taken = Cette adresse courte est déjà utilisée par une autre démarche.
process-error-date = Indiquez une date valide au format AAAA-MM-JJ.
process-error-date-order = La date de fin doit être égale ou postérieure à la date de début.
process-error-image = L'image doit être une adresse du site (commençant par « / ») ou une adresse https.

## Étape
phase-position = Étape { $n } sur { $total }
phase-opens-on = Ouvre le { $date }.
phase-open-until = Ouverte jusqu'au { $date } inclus.
phase-closed-on = Terminée le { $date }.
phase-components = Dans cette étape
phase-no-components = Cette étape présente la démarche ; elle ne comporte pas d'activité en ligne.
phase-nav = Étapes voisines
phase-previous = Étape précédente
phase-next = Étape suivante
phase-add = Ajouter une étape
phase-edit-title = Modifier l'étape
phase-edit = Modifier « { $title } »
phase-move-up = Monter « { $title } »
phase-move-down = Descendre « { $title } »
phase-delete = Supprimer « { $title } »
phase-delete-title = Supprimer une étape
phase-delete-confirm = Supprimer l'étape « { $title } » et tout ce qu'elle contient ? Cette action est définitive.
phase-delete-submit = Supprimer définitivement
phase-saved = L'étape est enregistrée.
phase-deleted = L'étape est supprimée.

## Composants
component-consultation = Consultation
component-consultation-what = Proposez des idées en une phrase et donnez votre avis sur celles des autres, une à une. Les résultats montrent les consensus et les controverses.
component-event = Événement
component-event-what = Le programme, les intervenants et l'inscription, avec des places limitées par atelier.
component-survey = Questionnaire
component-survey-what = Un questionnaire de satisfaction, anonyme si vous le souhaitez, dont les résultats sont publiés.
component-evaluation = Rendez-vous citoyen (évaluation en direct)
component-evaluation-what = Une rencontre en salle et en vidéo où chacun évalue la démarche en direct depuis son téléphone.

## Connexion
login-title = Connexion de l'équipe
login-intro = Réservé à l'équipe (administration, modération, médiation, accueil). Pour participer, aucun compte n'est nécessaire.
login-submit = Se connecter
login-error-credentials = Adresse e-mail ou mot de passe incorrect. Un compte désactivé ne peut pas non plus se connecter : adressez-vous à un administrateur.
login-error-throttled = Trop de tentatives de connexion échouées pour ce compte ou depuis votre connexion. Patientez { $minutes } minutes, puis réessayez.
login-error-busy = Le serveur est occupé à vérifier d'autres connexions. Réessayez dans un instant.
login-welcome = Bonjour { $name }, vous êtes connecté·e.
logout-done = Vous êtes déconnecté·e.
password-show = Afficher le mot de passe
password-hide = Masquer le mot de passe
login-forgot = Mot de passe oublié ?
forgot-title = Mot de passe oublié
forgot-intro = Indiquez l'adresse e-mail de votre compte d'équipe : si c'en est une, nous y envoyons un lien pour choisir un nouveau mot de passe. Le lien sert une seule fois, pendant une heure.
forgot-submit = Envoyer le lien
forgot-back = Retour à la connexion
reset-requested = Si cette adresse est celle d'un compte de l'équipe, un lien pour choisir un nouveau mot de passe vient d'y être envoyé. Il sert pendant une heure.
reset-title = Choisir un nouveau mot de passe
reset-submit = Enregistrer le nouveau mot de passe
reset-new-link = Demander un nouveau lien
reset-error-link = Ce lien ne fonctionne plus : il a expiré ou a déjà servi. Demandez-en un nouveau.
reset-done = Votre mot de passe est changé et toutes les sessions de votre compte sont fermées. Connectez-vous avec le nouveau mot de passe.
reset-mail-subject = Choisissez un nouveau mot de passe pour Participe
reset-mail-body = Bonjour { $name },

    Pour choisir un nouveau mot de passe pour votre compte d'équipe, ouvrez ce lien dans les { $minutes } minutes :
    { $link }

    Le lien sert une seule fois. Si vous n'avez rien demandé, ignorez ce message : votre mot de passe ne change pas.

## Compte
account-title = Mon compte
password-title = Changer de mot de passe
password-hint = Au moins 10 caractères. Une phrase facile à retenir convient très bien.
password-submit = Changer le mot de passe
password-changed = Votre mot de passe est changé.
password-error-short = Le mot de passe doit compter au moins 10 caractères.
password-error-mismatch = Les deux mots de passe ne sont pas identiques.
password-error-current = Le mot de passe actuel est incorrect.

## Rôles
role-admin = Administration
role-moderator = Modération
role-mediator = Médiation
role-event_staff = Accueil des événements

## Administration
admin-title = Administration
admin-your-role = Votre rôle : { $role }.
admin-processes = Démarches
admin-new-process = Nouvelle démarche
admin-published = Publiée
admin-draft = Brouillon
admin-state = État
admin-view-public = Voir la page publique
admin-manage-staff = Gérer les comptes de l'équipe
admin-no-phases = Aucune étape pour l'instant.

## Équipe
staff-title = Comptes de l'équipe
staff-new = Créer un compte
staff-create = Créer le compte
staff-created = Le compte { $email } est créé.
staff-error-email = Indiquez une adresse e-mail valide, par exemple prenom.nom@mulhouse.fr.
staff-error-email-taken = Un compte existe déjà avec cette adresse e-mail.
staff-error-name = Indiquez un nom de 80 caractères au plus.
staff-error-role = Choisissez un rôle dans la liste.
staff-error-action = Choisissez de désactiver ou de réactiver le compte.
staff-error-last-admin = Refusé : il doit toujours rester au moins un compte d'administration actif, et ce changement n'en laisserait aucun. Donnez d'abord le rôle d'administration à un autre compte.
staff-error-reset-disabled = Ce compte est désactivé : réactivez-le avant de lui envoyer un lien.
staff-state = État
staff-state-active = Actif
staff-state-disabled = Désactivé
staff-state-demo = Compte de démonstration (mot de passe publié)
staff-account-title = Compte de l'équipe
staff-role-title = Rôle
staff-role-submit = Changer le rôle
staff-role-changed = { $email } a désormais le rôle { $role }.
staff-disable-title = Désactiver le compte
staff-disable-hint = Toutes les sessions de ce compte se ferment aussitôt et il ne peut plus se connecter, jusqu'à sa réactivation. Rien de ce qu'il a fait n'est effacé.
staff-disable-own = C'est votre propre compte : vous serez déconnecté·e.
staff-disable = Désactiver le compte
staff-disabled = Le compte { $email } est désactivé ; ses sessions sont fermées.
staff-enable-title = Réactiver le compte
staff-enable-hint = Le compte pourra de nouveau se connecter avec son mot de passe.
staff-enable = Réactiver le compte
staff-enabled = Le compte { $email } est réactivé.
staff-reset-title = Réinitialiser le mot de passe
staff-reset-hint = Un lien pour choisir un nouveau mot de passe est envoyé à { $email } ; il sert une seule fois, pendant une heure. Le mot de passe actuel reste valable tant que le lien n'a pas servi.
staff-reset-submit = Envoyer un lien de réinitialisation
staff-reset-sent = Un lien de réinitialisation a été envoyé à { $email }.

## Consultation
component-open = Participer
consultation-vote = Voter sur les propositions
consultation-propose = Proposer une idée
consultation-results = Voir les résultats
consultation-how = Votez sur les idées des autres, une à une, et proposez les vôtres en une phrase qui commence par « { $prefix }… ». Aucun compte n'est nécessaire.
consultation-open-until = Ouverte jusqu'au { $date } inclus.
consultation-opens-on = Ouvre le { $date }.
consultation-closed-on = Terminée le { $date }. Les résultats restent consultables.
consultation-error-closed = Cette consultation est terminée : elle ne reçoit plus de votes ni de propositions. Ses résultats restent consultables.
request-error-key = Cette demande est incomplète. Rechargez la page puis réessayez.
text-error-control = Ce texte contient un caractère de contrôle invisible (comme un octet NUL). Retapez-le sans ce caractère.

## Proposer
propose-idea = Votre idée
propose-your-idea = Votre idée (elle commence par « { $prefix }… »)
propose-hint = Une seule idée, en une phrase. « { $prefix } » est ajouté au début ; { $max } caractères au plus en tout.
propose-continue = Continuer
propose-similar = Des idées proches existent déjà
propose-similar-intro = Vous pouvez voter pour l'une d'elles au lieu de proposer la vôtre, ou continuer ci-dessous.
propose-vote-instead = Voter sur cette idée
propose-name = Prénom ou pseudonyme
propose-name-hint = Affiché avec votre idée.
propose-email = Adresse e-mail (facultative)
propose-email-hint = Pour recevoir des nouvelles de votre idée. Elle n'est jamais publiée.
propose-charter = J'accepte la
propose-submit = Envoyer ma proposition
proposal-received = Merci ! Votre idée est bien reçue. Elle sera publiée après relecture par l'équipe de modération.
proposal-error-empty = Écrivez votre idée.
proposal-error-short = Votre idée est trop courte : 12 caractères au moins, début compris.
proposal-error-long = Votre idée est trop longue : 140 caractères au plus, début compris.
proposal-error-markup = Écrivez votre idée en texte simple, sans balises.
proposal-error-name = Indiquez un prénom ou un pseudonyme (60 caractères au plus).
proposal-error-email = Cette adresse e-mail ne semble pas valide ; corrigez-la ou laissez le champ vide.
proposal-error-age = Choisissez une tranche d'âge dans la liste.
proposal-error-neighbourhood = Choisissez un quartier dans la liste.
proposal-error-charter = Pour proposer une idée, acceptez la charte de modération.
form-prefer-not = Je préfère ne pas répondre

## Données facultatives
demographics-title = Encore une question, si vous voulez bien
demographics-intro = Votre âge et votre quartier nous aident à savoir si toute la ville est entendue. Vous pouvez passer cette question.
demographics-age = Tranche d'âge (facultatif)
demographics-neighbourhood = Quartier (facultatif)
demographics-save = Valider
demographics-skip = Passer
age-under-18 = Moins de 18 ans
age-18-24 = 18 à 24 ans
age-25-34 = 25 à 34 ans
age-35-49 = 35 à 49 ans
age-50-64 = 50 à 64 ans
age-65-plus = 65 ans et plus

## Vote
vote-prompt = Qu'en pensez-vous ?
vote-agree = D'accord
vote-disagree = Pas d'accord
vote-neutral = Neutre
vote-recorded = Votre avis : { $key }.
vote-qualify = Pour préciser (facultatif, plusieurs choix possibles)
vote-qualify-submit = Enregistrer ces précisions
vote-change = Changer d'avis
vote-withdraw = Retirer mon vote
vote-network-sending = Envoi en cours…
vote-network-retrying = Connexion lente : nouvel essai…
vote-network-failed = Pas de connexion : rien n'est perdu, appuyez à nouveau pour réessayer. Votre vote ne comptera qu'une fois.
vote-error-key = Choisissez « D'accord », « Pas d'accord » ou « Neutre ».
vote-error-qualification = Cette précision ne correspond pas à votre avis.
vote-error-no-vote = Votez d'abord sur cette idée.
qualification-like_it = Coup de cœur
qualification-doable = Réaliste
qualification-platitude_agree = Banalité
qualification-no_way = Surtout pas !
qualification-impossible = Infaisable
qualification-platitude_disagree = Banalité
qualification-do_not_understand = Pas compris
qualification-no_opinion = Pas d'avis
qualification-do_not_care = Indifférent
sequence-progress = { $n } / { $total }
sequence-next = Suivante
sequence-finish = Terminer
sequence-skip = Passer cette idée
sequence-thanks = Merci pour vos votes !
sequence-done = Vous avez parcouru { $count } idées.
sequence-restart = Voter sur d'autres idées
sequence-empty = Vous avez voté sur toutes les idées publiées pour l'instant. Revenez bientôt, ou proposez la vôtre !

## Une proposition
proposal-title = Une idée
proposal-by = Proposée par { $name }
proposal-more = Voter sur d'autres idées
proposal-share = Partager cette idée
proposal-share-link = Adresse à partager
proposal-status-pending = En attente de modération
proposal-status-accepted = Publiée
proposal-status-refused = Refusée
report-title = Signaler cette idée
report-reason = Motif du signalement
report-submit = Signaler
report-received = Merci, votre signalement sera examiné par l'équipe de modération.
report-error-reason = Choisissez un motif dans la liste.
report-inappropriate = Contenu inapproprié
report-offensive = Propos offensants
report-spam = Publicité ou spam

## Résultats
results-title = Résultats de la consultation
results-figures = Participation
results-participants = participants
results-proposals = idées publiées
results-votes = votes
results-method = Les pourcentages comptent les votes faits dans les séries proposées par la plateforme, et à moitié ceux faits sur la page d'une idée ; les votes venus de liens partagés sont gardés mais non comptés.
results-top = Les idées qui font consensus
results-controversies = Les idées qui partagent
results-rejected = Les idées rejetées
results-by-theme = Par thème
results-theme-count = { $count } idées publiées
results-none = Aucune idée dans cette catégorie pour l'instant.
results-bar-summary = { $agree } % d'accord, { $disagree } % pas d'accord, { $neutral } % neutres, sur { $total } votes
results-data = Voir les données
results-vote = Avis
results-count = Votes
results-share = Part
results-open-data-json = Données ouvertes (JSON)
results-open-data-csv = Idées et votes (CSV)
results-groups = Par quartier et par âge
results-groups-intro = D'après les participants qui ont répondu à la question facultative sur leur âge et leur quartier. Un groupe de moins de 5 personnes ne montre pas ses résultats, pour que personne ne puisse être reconnu.
results-groups-by-neighbourhood = Participants par quartier
results-groups-by-age = Participants par tranche d'âge
results-groups-none = Personne n'a encore répondu.
results-group = Groupe
results-group-choose = Voir les résultats d'un groupe
results-group-option = { $group } ({ $count })
results-group-show = Afficher
results-group-heading = { $group } : { $count } participants
results-group-too-small = Moins de { $min } participants dans ce groupe : ses résultats ne sont pas montrés.
settings-title = Réglages de la consultation
settings-link = Réglages de la consultation de « { $title } »
settings-phase = Phase : { $phase }
settings-saved = Les réglages de la consultation sont enregistrés.
settings-question = Question posée
settings-slug-hint = L'adresse de la consultation : lettres minuscules sans accent, chiffres et tirets.
settings-prefix = Début de chaque proposition
settings-prefix-hint = Ajouté devant chaque idée, par exemple « Il faut ».
settings-prefix-default = Il faut
settings-lang = Langue des propositions
settings-neighbourhoods = Quartiers proposés
settings-neighbourhoods-hint = Un par ligne. Les participants peuvent en choisir un, s'ils le souhaitent.
settings-opens = Ouverture
settings-closes = Clôture
settings-sequences = Séries de vote et résultats
settings-sequence-size = Propositions par série
settings-sequence-size-hint = De 1 à 50 ; 12 par défaut.
settings-new-share = Part de propositions nouvelles (%)
settings-new-share-hint = 30 par défaut.
settings-new-threshold = Votes en dessous desquels une proposition est nouvelle
settings-new-threshold-hint = 10 par défaut.
settings-controversy-share = Part de propositions controversées (%)
settings-controversy-share-hint = 10 par défaut.
settings-trusted-weight = Poids des votes faits sur la page d'une idée (%)
settings-trusted-weight-hint = 50 par défaut : un tel vote compte pour moitié d'un vote en série.
settings-error-required = Ce champ est obligatoire.
settings-error-long = Ce texte est trop long.
settings-error-number = Indiquez un nombre entier dans les limites indiquées.
settings-error-lang = Choisissez une langue de la liste.
settings-error-neighbourhood = Un nom de quartier fait 80 caractères au plus.

## Modération
moderation-title = Modération
moderation-pending = { $count } idées en attente
moderation-next = Modérer l'idée suivante
moderation-reported = Idées signalées : { $count }
moderation-reports = ({ $count } signalements)
moderation-proposal = Modérer une idée
moderation-status = État
moderation-locked-for = Cette idée vous est réservée pendant { $minutes } minutes.
moderation-themes = Thèmes de l'idée
moderation-accept = Publier
moderation-reason = Motif du refus
moderation-message = Message à l'auteur (facultatif)
moderation-message-hint = Envoyé à l'auteur s'il a laissé son adresse e-mail. 500 caractères au plus.
moderation-refuse = Refuser
moderation-accepted = L'idée est publiée.
moderation-refused = L'idée est refusée.
moderation-queue-empty = Aucune idée n'attend de modération.
moderation-error-locked = Un autre modérateur traite déjà cette idée.
moderation-error-reason = Choisissez un motif de refus dans la liste.
moderation-error-message = Le message ne doit pas dépasser 500 caractères.
moderation-error-decision = Choisissez de publier ou de refuser.
refusal-incomprehensible = Incompréhensible
refusal-off-topic = Hors sujet
refusal-partisan = Partisane
refusal-legal = Contraire à la loi
refusal-advertising = Publicitaire
refusal-several-ideas = Plusieurs idées à la fois
refusal-wrong-language = Pas dans la langue de la consultation
refusal-rude = Grossière ou irrespectueuse
refusal-out-of-scope = Hors des compétences de la ville
refusal-duplicate = Existe déjà
refusal-other = Autre motif

## Charte
charter-title = Charte de modération
charter-intro = Chaque idée proposée est lue par l'équipe de modération avant d'être publiée. Cette charte dit ce qui est publié et pourquoi une idée peut être refusée.
charter-rules = Ce que nous publions
charter-rules-text = Une idée par proposition, en une phrase, qui répond à la question posée, dans le respect des personnes et de la loi. Nous ne corrigeons pas les idées : nous les publions telles quelles, ou nous les refusons avec un motif.
charter-reasons = Les motifs de refus
charter-report = Signaler une idée
charter-report-text = Chacun peut signaler une idée publiée qui lui semble inappropriée, offensante ou publicitaire ; elle est alors relue par l'équipe de modération.
error-rate-limited = Vous allez un peu vite : attendez une minute avant de continuer. Rien n'est perdu.

## Mail
mail-greeting = Bonjour { $name },
mail-signature = L'équipe de la consultation
mail-why-proposal = Vous recevez ce message parce que vous avez laissé votre adresse en proposant une idée. Elle ne sert qu'à vous donner des nouvelles de cette idée.
mail-accepted-subject = Votre idée est publiée
mail-accepted-intro = Votre idée pour la consultation « { $question } » a été lue par l'équipe de modération et publiée :
mail-accepted-link = Chacun peut maintenant voter pour elle. Voici son adresse, à partager autour de vous :
mail-refused-subject = Votre idée n'a pas été publiée
mail-refused-intro = Votre idée pour la consultation « { $question } » a été lue par l'équipe de modération, qui ne l'a pas publiée :
mail-refused-reason = Motif : { $reason }
mail-refused-message = Message de l'équipe de modération :
mail-refused-charter = Ce que nous publions et pourquoi une idée peut être refusée : { $link }
admin-mail = Courriels
admin-mail-link = Voir les courriels envoyés et en attente
mail-admin-smtp = Les courriels partent par le serveur SMTP { $server }. Ceux qui échouent sont réessayés de plus en plus tard, puis abandonnés.
mail-admin-folder = Aucun serveur SMTP n'est configuré : chaque courriel est écrit dans le dossier « { $dir } », un fichier .eml par courriel. Ouvrez-en un ci-dessous pour le lire.
mail-admin-empty = Aucun courriel pour l'instant.
mail-admin-caption = Derniers courriels
mail-admin-limit = Du plus récent au plus ancien, { $count } au plus.
mail-admin-totals = En attente : { $pending }. Envoyés : { $sent }. Abandonnés : { $failed }.
mail-created = Créé le
mail-recipient = Destinataire
mail-subject = Objet
mail-status = État
mail-attempts = Essais
mail-last-error = Dernière erreur
mail-sent-at = Envoyé le
mail-next-attempt = Prochain essai
mail-file = Fichier
mail-status-pending = En attente
mail-status-sent = Envoyé
mail-status-failed = Abandonné
mail-detail-title = Courriel n° { $id }
mail-text = Texte du courriel
mail-has-html = Ce courriel a aussi une version HTML, non affichée ici.
mail-attachments = Pièces jointes
mail-attachment = { $name } ({ $type }, { $size } octets)
mail-back = Tous les courriels

## Symposium
date-time = { $date } à { $time }
event-programme = Voir le programme
event-staff-nav = Accueil de l'événement
programme-title = Programme
programme-filter = Filtrer le programme
programme-day = Jour
programme-theme = Thème
programme-all-days = Tous les jours
programme-all-themes = Tous les thèmes
programme-apply = Filtrer
programme-clear = Voir tout le programme
programme-nothing = Aucune séance ce jour-là pour ce filtre.
programme-back = Retour au programme
session-kind-plenary = Séance plénière
session-kind-round-table = Table ronde
session-kind-workshop = Atelier
session-when = Quand
session-room = Salle
session-seats = Places
session-themes = Thèmes
session-speakers = Intervenants
speakers-title = Intervenants
speaker-sessions = Ses interventions
speaker-demo = Personne fictive (démonstration)
speaker-photo-alt = Portrait de { $name }
workshop-seats-left = { $count } places libres sur { $seats }
workshop-full = Complet : liste d'attente ({ $waiting } en attente)
profile-professional = Professionnel ou professionnelle
profile-volunteer = Bénévole
profile-institution = Représentant d'une institution
profile-elected = Élu ou élue
profile-resident = Habitant ou habitante
answer-yes = Oui
answer-no = Non
registration-title = Inscription
registration-submit = S'inscrire
registration-intro = L'inscription est gratuite. Vous recevrez par e-mail votre code d'entrée et un lien personnel pour modifier ou annuler votre inscription, sans compte.
registration-you = Vous
registration-first-name = Prénom
registration-last-name = Nom
registration-email = Adresse e-mail
registration-email-hint = Pour recevoir votre confirmation et votre lien personnel.
registration-organisation = Structure ou organisme (facultatif)
registration-profile = Vous venez en tant que
registration-days = Jours de présence
registration-day-full = { $date } (complet)
registration-workshops = Ateliers
registration-workshops-hint = Un atelier au plus par créneau. Si un atelier est complet, vous êtes inscrit sur sa liste d'attente et prévenu par e-mail si une place se libère.
registration-workshop-slot = Atelier du { $date } à { $time }
registration-no-workshop = Pas d'atelier sur ce créneau
registration-workshop-waiting-hint = Complet : vous serez sur la liste d'attente.
registration-needs = Besoins particuliers
registration-accessibility = Accessibilité (facultatif)
registration-accessibility-hint = Fauteuil roulant, interprétation en langue des signes, boucle magnétique, accompagnant…
registration-dietary = Repas (facultatif)
registration-dietary-hint = Végétarien, sans porc, allergies…
registration-questions = Questions complémentaires
registration-consent = J'accepte que la Ville utilise ces informations pour organiser l'événement ; elles sont supprimées après l'événement.
registration-done = Vous êtes inscrit. Votre code d'entrée : { $code }. Gardez cette page : son adresse est votre lien personnel.
registration-mine = Mon inscription
registration-hello = Inscription de { $name }
registration-private-link = L'adresse de cette page est personnelle : ne la partagez pas. Elle permet de voir, modifier ou annuler votre inscription.
registration-ticket = Votre code d'entrée, à donner à l'accueil :
registration-ticket-hint = Vous pouvez aussi le dicter : il ne contient ni 0, ni O, ni 1, ni I, ni L.
registration-arrived = arrivée enregistrée le { $when }
registration-change = Modifier mon inscription
registration-change-submit = Enregistrer les modifications
registration-changed = Votre inscription est modifiée.
registration-cancel = Annuler mon inscription
registration-cancel-intro = Votre place et vos ateliers seront proposés aux personnes en liste d'attente.
registration-cancel-confirm = Je confirme l'annulation de mon inscription
registration-cancel-submit = Annuler mon inscription
registration-cancelled = Votre inscription est annulée.
registration-is-cancelled = Cette inscription est annulée.
registration-offer-accept = Accepter la place
registration-offer-decline = Refuser la place
registration-offer-accepted = Votre place dans l'atelier est confirmée.
registration-offer-declined = La place est proposée à la personne suivante.
place-confirmed = Place confirmée
place-waiting = Liste d'attente, position { $position }
place-offered = Une place s'est libérée pour vous : acceptez-la avant le { $deadline }
place-expired = La place proposée n'a pas été acceptée à temps
registration-error-closed = Les inscriptions sont closes.
registration-error-event-full = L'événement est complet : il n'y a plus de place.
registration-error-day-full = Le { $date } est complet : retirez ce jour pour vous inscrire.
registration-error-already = Cette adresse e-mail est déjà inscrite. Utilisez le lien personnel reçu par e-mail pour modifier votre inscription.
registration-error-already-resent = Cette adresse est déjà inscrite : nous lui avons renvoyé le lien personnel pour modifier l'inscription.
registration-error-already-recent = Cette adresse est déjà inscrite, et son lien personnel lui a été envoyé il y a moins d'une heure : regardez dans cette boîte (et dans les indésirables).
registration-error-cancelled = Cette inscription est annulée : elle ne peut plus être modifiée.
registration-error-no-offer = Cette place n'est plus proposée : le délai est passé.
registration-error-offer-answer = Choisissez d'accepter ou de refuser la place.
registration-error-first-name = Indiquez votre prénom (80 caractères au plus).
registration-error-last-name = Indiquez votre nom (80 caractères au plus).
registration-error-email = Indiquez une adresse e-mail valide, par exemple nom@exemple.fr.
registration-error-profile = Choisissez à quel titre vous venez.
registration-error-days = Choisissez au moins un jour.
registration-error-workshop = Choisissez un atelier de la liste.
registration-error-workshop-day = Cet atelier a lieu un jour que vous n'avez pas coché : cochez ce jour ou choisissez « Pas d'atelier ».
registration-error-too-long = Ce texte est trop long.
registration-error-required = Cette question est obligatoire.
registration-error-choice = Choisissez une des réponses proposées.
registration-error-consent = Cochez la case d'accord pour vous inscrire.
registration-error-confirm-cancel = Cochez la case pour confirmer l'annulation.
mail-confirmation-subject = Votre inscription : { $event }
mail-confirmation-body =
    Bonjour { $name },

    Votre inscription à « { $event } » est enregistrée.

    Votre code d'entrée : { $code }

    Pour voir, modifier ou annuler votre inscription : { $link }
mail-days = Jours :
mail-workshops = Ateliers :
event-mail-signature = L'équipe de l'événement
mail-offer-subject = Une place s'est libérée : { $workshop }
mail-offer-body =
    Bonjour { $name },

    Une place s'est libérée dans l'atelier « { $workshop } » de « { $event } ».
    Elle vous est réservée jusqu'au { $deadline }. Pour l'accepter ou la refuser : { $link }

    Passé ce délai, elle sera proposée à la personne suivante.
mail-reminder-subject = Rappel : { $event }
mail-reminder-body =
    Bonjour { $name },

    « { $event } » commence le { $date }. Lieu : { $venue }.

    Votre code d'entrée : { $code }

    Votre inscription : { $link }
checkin-title = Accueil : enregistrer les arrivées
checkin-admitted = Bienvenue : arrivée enregistrée.
checkin-already-used = Refusé : ce billet a déjà servi pour ce jour (arrivée le { $when }).
checkin-cancelled = Refusé : cette inscription est annulée.
checkin-not-this-day = Refusé : cette personne n'est pas inscrite ce jour-là.
checkin-unknown = Refusé : aucun billet avec ce code pour cet événement.
checkin-error-code = Un code a 8 caractères, par exemple K7MQ-2XRD.
checkin-error-day = Choisissez le jour de l'accueil.
arrivals-title = Arrivées en direct
attendees-title = Liste des inscrits
checkin-day = Jour de l'accueil
checkin-change-day = Changer de jour
checkin-code-label = Code du billet pour le { $date }
checkin-code-hint = 8 caractères, tirets et espaces facultatifs, minuscules acceptées.
checkin-submit = Valider le billet
checkin-code = Code :
checkin-word-admitted = Entrée acceptée
checkin-word-refused = Entrée refusée
checkin-workshops-of-day = Ateliers du jour
arrivals-of = arrivés sur { $registered } inscrits le { $date }
arrivals-screen = Écran des arrivées (se met à jour tout seul)
arrivals-refresh = Cette page se met à jour toutes les { $seconds } secondes.
arrivals-registered = { $count } inscrits pour { $seats } places.
arrivals-seats-held = Places prises
arrivals-waiting = En attente
attendees-workshop = Atelier
attendees-all-workshops = Tous les ateliers
attendees-count = { $count ->
    [one] { $count } personne dans cette liste
   *[other] { $count } personnes dans cette liste
} ({ $cancelled ->
    [one] { $cancelled } inscription annulée n'est pas listée
   *[other] { $cancelled } inscriptions annulées ne sont pas listées
}).
attendees-export-csv = Télécharger (CSV)
attendees-export-xlsx = Télécharger (Excel)
attendees-arrived = Arrivé(e) le
attendees-ticket = Billet
attendees-place-confirmed = confirmé
attendees-place-offered = place proposée
attendees-place-waiting = en attente
attendees-place-expired = offre expirée
programme-setup = Préparer l'événement
programme-settings = Réglages de l'événement
programme-edit-event = Programme de l'événement de « { $title } »
programme-edit-item = Modifier « { $title } »
programme-venue = Lieu
programme-event-seats = Places de l'événement
programme-offer-hours = Délai pour accepter une place libérée (heures)
programme-offer-hours-hint = 48 heures par défaut ; entre 1 et 720.
programme-registration-open = Inscriptions ouvertes
programme-days = Jours
programme-add-day = Ajouter un jour
programme-sessions = Séances
programme-add-session = Ajouter une séance
programme-add-speaker = Ajouter un intervenant
programme-add-question = Ajouter une question
programme-kind = Type de séance
programme-starts = Début
programme-ends = Fin
programme-time-hint = Heure au format 14:30.
programme-workshop-seats = Places de l'atelier
programme-workshop-seats-hint = Ateliers seulement : les inscrits choisissent un atelier par créneau.
programme-speaker-name = Nom
programme-speaker-role = Fonction
programme-speaker-bio = Courte présentation
programme-speaker-bio-hint = 1 500 caractères au plus.
programme-speaker-photo = Photo (adresse)
programme-question-label = Question
programme-question-kind = Type de réponse
programme-question-options = Réponses proposées
programme-question-options-hint = Pour un choix seulement : une réponse par ligne, au moins deux.
programme-question-position = Ordre
programme-question-required = Réponse obligatoire
question-kind-text = Texte libre
question-kind-choice = Choix dans une liste
question-kind-yes-no = Oui ou non
programme-delete = Supprimer
programme-delete-confirm = Je confirme la suppression (les inscriptions qui y sont liées sont retirées)
programme-saved = Programme enregistré.
programme-deleted = Élément supprimé.
programme-error-required = Ce champ est obligatoire.
programme-error-too-long = Ce texte est trop long.
programme-error-seats = Indiquez un nombre de places (0 ou plus).
programme-error-offer-hours = Indiquez un délai entre 1 et 720 heures.
programme-error-time = Indiquez une heure au format 14:30.
programme-error-time-order = La fin doit venir après le début.
programme-error-day = Choisissez un jour de l'événement.
programme-error-day-taken = Ce jour existe déjà.
programme-error-kind = Choisissez un type dans la liste.
programme-error-image = Une adresse du site (commençant par « / ») ou en https.
programme-error-options = Donnez au moins deux réponses, une par ligne.
programme-error-confirm-delete = Cochez la case pour confirmer la suppression.
admin-events = Événements : accueil et listes

## Surveys
survey-open = Le questionnaire est ouvert.
survey-not-yet-open = Ce questionnaire n'est pas encore ouvert.
survey-closed = Ce questionnaire est clos.
survey-invitation-only = Ce questionnaire est réservé aux personnes invitées : utilisez le lien reçu par courriel.
survey-already-answered = Vous avez déjà répondu à ce questionnaire. Merci !
survey-anonymous-note = Questionnaire anonyme : vos réponses sont enregistrées sans votre nom, votre adresse ni votre lien d'invitation.
survey-progress = Partie { $n } sur { $total }
survey-required-note = Les questions marquées « (obligatoire) » demandent une réponse ; les autres sont facultatives.
survey-optional = (facultatif)
survey-continue = Continuer
survey-send = Envoyer mes réponses
survey-back = Revenir à la partie précédente
survey-save-draft = Enregistrer et finir plus tard
survey-draft-saved = Vos réponses sont gardées sur cet appareil : revenez à la même adresse pour finir.
survey-problems = À compléter ou corriger ({ $count }) :
survey-error-summary = Des réponses sont à compléter ou corriger : voyez les messages ci-dessous. Rien de ce que vous avez écrit n'est perdu.
survey-error-missing = Cette question demande une réponse.
survey-error-invalid = Cette réponse n'est pas valable : choisissez parmi les propositions (et chaque rang une seule fois).
survey-error-too-long = Ce texte est trop long.
survey-yes = Oui
survey-no = Non
survey-scale-ends = 0 : pas du tout, 10 : tout à fait.
survey-rank-hint = Donnez un rang à chaque proposition : 1 pour votre préférée.
survey-rank-none = Pas de rang
survey-condition-equals = Répondez seulement si vous avez choisi « { $option } » à la question « { $question } ».
survey-condition-includes = Répondez seulement si vous avez coché « { $option } » à la question « { $question } ».
survey-thanks-body = Merci, vos réponses sont enregistrées.
survey-see-results = Voir les résultats du questionnaire
survey-kind-single = Choix unique
survey-kind-multiple = Choix multiple
survey-kind-rating = Échelle de satisfaction (4 ou 5 niveaux)
survey-kind-scale = Note de 0 à 10
survey-kind-yes-no = Oui / non
survey-kind-short-text = Texte court
survey-kind-long-text = Texte long
survey-kind-matrix = Tableau (plusieurs éléments, même échelle)
survey-kind-ranking = Classement
survey-results-title = Résultats : { $title }
survey-results-responses = Réponses reçues : { $count }.
survey-results-answered = Réponses à cette question : { $count }
survey-results-option = Réponse
survey-results-count = Nombre
survey-results-top-box = ont répondu « { $option } »
survey-results-average-rating = Moyenne : { $average } sur { $max } ({ $max } : la meilleure réponse).
survey-results-average-scale = Moyenne : { $average } sur { $max }.
survey-results-average-rank = Rang moyen
survey-results-first = Classée première
survey-results-multiple = Plusieurs réponses possibles : le total peut dépasser 100 %.
survey-results-filter-title = Filtrer par une réponse
survey-results-filter = Ne montrer que les personnes qui ont répondu
survey-results-everyone = Tout le monde
survey-results-filtered = { $count } personnes ont répondu « { $option } » à « { $question } » ; les résultats ci-dessous sont les leurs.
survey-results-show-all = Voir toutes les réponses
survey-results-too-few = Moins de { $min } personnes dans ce groupe : ses résultats ne sont pas montrés, pour que personne ne puisse être reconnu.
survey-results-staff-only = Les résultats ne sont pas publiés : seule l'équipe les voit.
survey-results-are-public = Les résultats sont publiés : tout le monde peut les voir.
survey-results-publish = Publier les résultats
survey-results-withdraw = Retirer la publication des résultats
survey-results-published = Les résultats sont publiés.
survey-results-withdrawn = Les résultats ne sont plus publiés.
survey-export-csv = Télécharger les réponses (CSV)
survey-export-xlsx = Télécharger les réponses (Excel)
survey-builder-title = Questionnaire
survey-builder-link = Questionnaire de « { $title } »
survey-builder-slug-hint = L'adresse du questionnaire : /surveys/adresse-courte.
survey-builder-intro = Introduction
survey-builder-access = Qui peut répondre
survey-access-open = Toute personne qui a le lien
survey-access-invitation = Seulement les personnes invitées par courriel (lien à usage unique)
survey-builder-anonymous = Questionnaire anonyme
survey-builder-anonymous-hint = Les réponses sont enregistrées sans aucun lien avec l'invitation ou la personne ; chacun ne peut pourtant répondre qu'une fois.
survey-builder-saved = Questionnaire enregistré.
survey-builder-preview = Aperçu du questionnaire
survey-builder-results = Résultats ({ $count ->
    [one] { $count } réponse
   *[other] { $count } réponses
})
survey-builder-questions = Parties et questions
survey-section-n = Partie { $n } { $title }
survey-builder-empty-section = Aucune question dans cette partie.
survey-builder-section-title = Titre de la nouvelle partie
survey-builder-add-section = Ajouter une partie
survey-builder-add-question = Ajouter une question
survey-builder-edit-question = Modifier la question
survey-builder-edit = Modifier « { $prompt } »
survey-builder-up = Monter
survey-builder-down = Descendre
survey-builder-delete = Supprimer
survey-builder-section = Partie
survey-builder-kind = Type de question
survey-builder-prompt = Question
survey-builder-help = Aide (facultatif)
survey-builder-required = Réponse obligatoire
survey-builder-required-short = obligatoire
survey-builder-options = Propositions
survey-builder-options-hint = Une par ligne. Pour une échelle de satisfaction, 4 ou 5 niveaux, du meilleur au moins bon ; pour un tableau, les niveaux de l'échelle.
survey-builder-items = Éléments du tableau
survey-builder-items-hint = Un par ligne, seulement pour le type « Tableau ».
survey-builder-condition = Afficher la question
survey-builder-condition-hint = Seulement si la réponse à une question précédente est celle choisie ici.
survey-builder-always = Toujours
survey-builder-error-prompt = Écrivez la question (500 caractères au plus).
survey-builder-error-rating = Une échelle de satisfaction a 4 ou 5 niveaux, un par ligne.
survey-builder-error-options = Écrivez de 2 à 20 propositions, une par ligne.
survey-builder-error-items = Écrivez de 1 à 20 éléments, un par ligne.
survey-builder-error-condition = Choisissez une réponse d'une question précédente.
survey-builder-error-kind = Choisissez un type de question de la liste.
survey-builder-error-section = Choisissez une partie de la liste.
survey-builder-error-answered = Des réponses sont déjà enregistrées : la question garde son type et son nombre de propositions et d'éléments (vous pouvez en reformuler le texte).
survey-builder-error-access = Choisissez qui peut répondre dans la liste.
survey-preview-note = Aperçu : toutes les parties sont sur une page et rien n'est envoyé. Les questions conditionnelles indiquent quand elles s'affichent.
survey-invite-title = Invitations
survey-invite-summary = { $invited } invitations, { $answered } réponses, { $pending } en attente.
survey-invite-recipients = Destinataires
survey-invite-recipients-hint = Une personne par ligne : « adresse », « adresse, nom » ou « Nom <adresse> » (une colonne copiée d'un tableur convient). Les personnes déjà invitées sont ignorées.
survey-invite-event = Inviter aussi les personnes pointées à l'accueil de
survey-invite-event-hint = Toutes les personnes dont le billet a été pointé au moins un jour, en plus de la liste ci-dessous.
survey-invite-event-none = Aucun événement
survey-invite-error-event = Choisissez un événement de la liste.
survey-invite-error-none = Collez au moins une adresse ou choisissez un événement dont des personnes ont été pointées.
survey-invite-send = Envoyer les invitations
survey-invite-sent = Invitations envoyées : { $count }.
survey-invite-error-line = La ligne { $line } ne contient pas d'adresse électronique valable.
survey-remind-hint = La relance part aux personnes qui n'ont pas encore répondu, avec un nouveau lien (l'ancien ne sert plus).
survey-remind-send = Relancer les { $count } personnes qui n'ont pas répondu
survey-remind-sent = Relances envoyées : { $count }.
survey-mail-hello = Bonjour,
survey-mail-hello-name = Bonjour { $name },
survey-invitation-subject = Votre avis : { $title }
survey-invitation-body = Vous êtes invité·e à répondre au questionnaire « { $title } ». Il prend quelques minutes ; vous pouvez vous arrêter et reprendre plus tard.

    Votre lien personnel, à usage unique : { $link }

    Le questionnaire est ouvert jusqu'au { $date }. Merci !
survey-reminder-subject = Rappel : votre avis sur { $title }
survey-reminder-body = Vous n'avez pas encore répondu au questionnaire « { $title } ». Il est ouvert jusqu'au { $date }.

    Votre nouveau lien personnel, à usage unique : { $link }

    Merci !

## Rendez-vous citoyen
rendezvous-when = le { $date } à { $time }
rendezvous-register-link = S'inscrire à la rencontre
rendezvous-register-title = Inscription au rendez-vous citoyen
rendezvous-register-name = Nom ou prénom
rendezvous-register-email = Adresse e-mail (facultative)
rendezvous-register-email-hint = Seulement pour recevoir la confirmation et le lien de la rencontre.
rendezvous-register-remote-hint = Vous suivez la vidéo et répondez aux questions depuis chez vous.
rendezvous-register-consent = J'accepte que la Ville garde mon inscription jusqu'à la fin de la démarche.
rendezvous-register-submit = M'inscrire
rendezvous-registered = Vous êtes inscrit·e. Gardez le lien de cette page.
rendezvous-link-resent = Cette adresse est déjà inscrite à cette rencontre : nous lui avons renvoyé le lien de l'inscription.
rendezvous-link-recently-sent = Cette adresse est déjà inscrite à cette rencontre, et son lien lui a été envoyé il y a moins d'une heure : regardez dans cette boîte (et dans les indésirables).
rendezvous-registration-title = Votre inscription
rendezvous-registration-when = Quand et où
rendezvous-registration-mode = Participation
rendezvous-registration-keep = Le jour venu, ouvrez la page en direct : vous y répondrez aux questions et pourrez poser les vôtres.
rendezvous-registration-live = Ouvrir la page en direct
rendezvous-mode-room = dans la salle
rendezvous-mode-remote = à distance
rendezvous-mode-question = Comment suivez-vous la rencontre ?
rendezvous-mode-why = Les résultats distinguent la salle et les personnes à distance.
rendezvous-mode-in-room = Je suis dans la salle
rendezvous-mode-at-home = Je suis à distance
rendezvous-mode-now-room = Vous participez dans la salle.
rendezvous-mode-now-remote = Vous participez à distance.
rendezvous-mode-switch-remote = Je suis plutôt à distance
rendezvous-mode-switch-room = Je suis plutôt dans la salle
rendezvous-video-title = La rencontre en vidéo
rendezvous-video-frame = Vidéo en direct : { $title }
rendezvous-video-play = Lancer la vidéo
rendezvous-video-privacy = La vidéo vient d'un autre site : rien n'est chargé depuis ce site avant que vous la lanciez.
rendezvous-live-title = Question en direct
rendezvous-live-none = Aucune question pour l'instant. Elle s'affichera ici dès son ouverture.
rendezvous-live-open = Question ouverte : répondez maintenant
rendezvous-live-closed = Question fermée : résultats définitifs
rendezvous-live-answers = Réponses
rendezvous-live-room = dans la salle
rendezvous-live-remote = à distance
rendezvous-live-mean = Moyenne
rendezvous-live-option = Réponse
rendezvous-live-count = Nombre
rendezvous-live-share = Part
rendezvous-live-submit = Envoyer ma réponse
rendezvous-live-choose-mode = Indiquez d'abord si vous êtes dans la salle ou à distance.
rendezvous-live-answered = Merci, votre réponse est enregistrée.
rendezvous-live-waiting = Les résultats s'affichent après votre réponse.
rendezvous-live-several = Plusieurs réponses possibles.
rendezvous-live-words-hint = Un à trois mots, 40 caractères au plus.
rendezvous-live-word-label = Votre réponse en quelques mots
rendezvous-live-no-answers = Pas encore de réponse.
rendezvous-refresh = Actualiser
rendezvous-answered = Votre réponse est enregistrée.
rendezvous-audience-title = Questions du public
rendezvous-audience-none = Aucune question validée pour l'instant.
rendezvous-audience-upvote = Je veux aussi la poser
rendezvous-audience-upvotes = soutiens
rendezvous-audience-upvoted = vous la soutenez
rendezvous-audience-answered = réponse donnée
rendezvous-ask-title = Poser une question
rendezvous-ask-label = Votre question
rendezvous-ask-hint = Elle sera lue par la modération avant d'être affichée. 400 caractères au plus.
rendezvous-ask-submit = Envoyer ma question
rendezvous-asked = Merci, votre question est transmise à la modération.
rendezvous-ask-pending = Votre question attend la validation de la modération.
rendezvous-evaluation-title = Votre avis sur toute la démarche
rendezvous-evaluation-what = Consultation, colloque, ateliers, cette rencontre : dites-nous ce que vous en avez pensé. Les résultats seront publiés.
rendezvous-evaluation-answer = Donner mon avis sur toute la démarche
rendezvous-evaluation-results = Voir les résultats de l'évaluation
rendezvous-evaluation-closed = Le questionnaire d'évaluation n'est pas ouvert en ce moment.
rendezvous-restitution-title = Ce que la démarche a produit
rendezvous-restitution-consensus = Les idées qui rassemblent le plus
rendezvous-restitution-controversies = Les idées qui partagent
rendezvous-restitution-empty = Pas encore assez de votes.
rendezvous-restitution-all-results = Tous les résultats de la consultation
rendezvous-restitution-surveys = Questionnaires
rendezvous-restitution-respondents = ({ $count ->
    [one] { $count } réponse
   *[other] { $count } réponses
})
rendezvous-restitution-avenues = Les pistes d'action du colloque
rendezvous-idea-figures = ({ $agree } % d'accord, { $disagree } % pas d'accord)
rendezvous-console-title = Console d'animation
rendezvous-projector-link = Vue pour le projecteur
rendezvous-live-link = Page des participants
rendezvous-registrations = Inscriptions : { $room } dans la salle, { $remote } à distance.
rendezvous-questions-title = Questions préparées
rendezvous-questions-none = Aucune question préparée.
rendezvous-question-open = Ouvrir la question { $n }
rendezvous-question-close = Fermer la question { $n }
rendezvous-question-edit = Modifier la question { $n }
rendezvous-question-add = Ajouter une question
rendezvous-question-kind = Type de question
rendezvous-question-prompt = Question
rendezvous-question-options = Réponses proposées
rendezvous-question-options-hint = Une par ligne. Pour une échelle, les points du plus bas au plus haut (vide : 1 à 5). Rien pour une réponse en quelques mots.
rendezvous-question-save = Enregistrer la question
rendezvous-question-saved = Question enregistrée.
rendezvous-question-opened = Question ouverte : elle s'affiche sur tous les écrans.
rendezvous-question-closed = Question fermée.
rendezvous-kind-rating = Échelle de notes
rendezvous-kind-single = Choix unique
rendezvous-kind-multiple = Choix multiples
rendezvous-kind-word = Réponse en quelques mots (nuage de mots)
rendezvous-state-draft = préparée
rendezvous-state-open = ouverte
rendezvous-state-closed = fermée
rendezvous-moderation-title = Questions du public à modérer
rendezvous-moderation-pending = Questions du public en attente de modération ({ $count })
rendezvous-moderation-pending-link = Les questions en attente de modération sont en haut de la console, à jour en direct.
rendezvous-moderation-approved = Affichées, les plus soutenues d'abord
rendezvous-moderation-done = Traitées
rendezvous-moderation-none = Aucune.
rendezvous-moderate-approve = Valider
rendezvous-moderate-reject = Refuser
rendezvous-moderate-answered = Marquer comme répondue
rendezvous-moderate-restore = Afficher à nouveau
rendezvous-moderated = C'est fait.
rendezvous-projector-title = Projection
rendezvous-projector-join = Répondez depuis votre téléphone :
rendezvous-projector-qr = Code QR pour ouvrir la page en direct : {$url}
rendezvous-settings-title = Réglages du rendez-vous citoyen
rendezvous-settings-link = Réglages du rendez-vous citoyen : { $title }
rendezvous-settings-name = Titre
rendezvous-settings-slug = Adresse
rendezvous-settings-slug-hint = Lettres minuscules, chiffres et tirets : /rendezvous/adresse
rendezvous-settings-description = Présentation (Markdown)
rendezvous-settings-date = Date
rendezvous-settings-time = Heure de début
rendezvous-settings-venue = Lieu
rendezvous-settings-video = Adresse d'intégration de la vidéo
rendezvous-settings-video-hint = Une adresse https:// de lecteur à intégrer, chez un hébergeur vidéo autorisé par le serveur (par exemple https://www.youtube-nocookie.com/embed/… ou https://player.vimeo.com/video/…). Rien n'est chargé avant que la personne lance la vidéo.
rendezvous-settings-survey = Questionnaire d'évaluation finale
rendezvous-settings-no-survey = Aucun
rendezvous-settings-registration = Inscriptions ouvertes
rendezvous-settings-save = Enregistrer
rendezvous-settings-saved = Réglages enregistrés.
rendezvous-mail-subject = Inscription : { $title }
rendezvous-mail-body = Bonjour { $name },

    Votre inscription au « { $title } » du { $date } à { $time } est enregistrée ({ $mode }).
    Lieu : { $venue }

    Le jour venu, la page en direct : { $live }
    Votre inscription : { $link }

    À bientôt !
rendezvous-error-mode = Choisissez « dans la salle » ou « à distance ».
rendezvous-error-closed = Les inscriptions sont fermées.
rendezvous-error-name = Indiquez un nom ou un prénom (120 caractères au plus).
rendezvous-error-email = Cette adresse e-mail n'est pas valable.
rendezvous-error-consent = Cochez la case d'accord pour vous inscrire.
rendezvous-error-answer-empty = Choisissez ou écrivez une réponse.
rendezvous-error-answer-option = Cette réponse ne fait pas partie des choix.
rendezvous-error-answer-long = Quelques mots seulement : 40 caractères au plus.
rendezvous-error-already-answered = Vous avez déjà répondu à cette question.
rendezvous-error-question-closed = Cette question est fermée : les réponses ne sont plus prises.
rendezvous-error-ask-short = Votre question est trop courte.
rendezvous-error-ask-long = Votre question dépasse 400 caractères.
rendezvous-error-upvoted = Vous soutenez déjà cette question, ou elle n'est plus affichée.
rendezvous-error-slug = L'adresse ne peut contenir que des lettres minuscules, des chiffres et des tirets.
rendezvous-error-slug-taken = Cette adresse est déjà prise.
rendezvous-error-title = Le titre est obligatoire (200 caractères au plus).
rendezvous-error-date = Indiquez une date valable.
rendezvous-error-time = Indiquez une heure au format 18:30.
rendezvous-error-video = L'adresse de la vidéo doit être une adresse https:// de lecteur chez l'un des hébergeurs vidéo autorisés par ce serveur (par défaut www.youtube-nocookie.com et player.vimeo.com).
rendezvous-error-survey = Choisissez un questionnaire de la démarche.
rendezvous-error-kind = Choisissez un type de question.
rendezvous-error-prompt = La question est obligatoire (300 caractères au plus).
rendezvous-error-options-few = Proposez au moins deux réponses, une par ligne.
rendezvous-error-options-many = Dix réponses au plus.
rendezvous-error-options-long = Chaque réponse tient en 80 caractères au plus.
rendezvous-error-action = Ce changement n'est pas possible dans l'état actuel.
rendezvous-error-open-conflict = Quelqu'un d'autre à la console vient de changer la question ouverte. La console montre maintenant la situation à jour : ouvrez à nouveau si vous le souhaitez toujours.
process-evaluation-title = L'évaluation de la démarche
process-evaluation-respondents = { $count } réponses
process-evaluation-share = « { $option } »
process-evaluation-all = Tous les résultats de l'évaluation
## Symposium : billets (QR code, agenda), badges, pistes d'action, scan à l'accueil
mail-ticket-files = En pièces jointes : le QR code de votre billet (à montrer à l'accueil, sur votre téléphone ou imprimé) et le fichier agenda (.ics) de vos journées.
mail-seat-confirmed-subject = Votre place est confirmée : { $workshop }
mail-seat-confirmed-body =
    Bonjour { $name },

    Vous avez accepté la place qui s'est libérée dans l'atelier « { $workshop } » de « { $event } » : elle est à vous.

    Votre code d'entrée : { $code }

    Pour voir, modifier ou annuler votre inscription : { $link }
ticket-calendar-line = Billet d'entrée : { $code }
ticket-qr-alt = QR code de votre billet, code { $code }
ticket-download-qr = Télécharger le QR code (PNG)
ticket-download-ics = Ajouter à mon agenda (.ics)
avenues-title = Pistes d'action
avenues-link = Les pistes d'action issues des ateliers
avenues-intro = Pistes d'action publiées à l'issue des ateliers : { $count }. Chacune indique son atelier, qui la porte, ses thèmes et les propositions de la consultation dont elle est issue.
avenues-none = Aucune piste d'action n'est encore publiée. Elles le seront après les ateliers.
avenues-by-theme = Par thème
avenues-no-theme = Autres pistes
avenues-staff-title = Pour l'équipe : saisir les pistes d'un atelier
avenues-staff-page = Pistes d'action : { $workshop }
avenues-public-link = Voir la page publique des pistes d'action
avenues-of-workshop = Pistes de cet atelier
avenues-none-yet = Aucune piste saisie pour cet atelier.
avenue-demo = démo
avenue-workshop = Atelier
avenue-lead-actors = Acteurs pilotes
avenue-lead-actors-hint = Qui porte cette piste : services, associations, partenaires.
avenue-description-hint = Texte simple ; une ligne vide sépare les paragraphes.
avenue-themes = Thèmes de la consultation
avenue-proposals = Propositions de la consultation dont elle est issue
avenue-proposals-hint = Les idées publiées de la consultation qui partagent un thème de l'atelier.
avenue-no-proposals = Aucune proposition publiée à relier.
avenue-publish-now = Publier cette piste (visible de tous)
avenue-save = Enregistrer la piste
avenue-add = Ajouter une piste d'action
avenue-add-instead = Ajouter plutôt une nouvelle piste
avenue-edit = Modifier « { $title } »
avenue-publish = Publier
avenue-unpublish = Retirer de la publication
avenue-delete = Supprimer
avenue-delete-confirm = Je confirme la suppression de « { $title } »
avenue-status-published = Publiée
avenue-status-draft = Brouillon, non publiée
avenue-saved-published = La piste est enregistrée et publiée.
avenue-saved-draft = La piste est enregistrée (non publiée).
avenue-published = La piste est publiée.
avenue-unpublished = La piste n'est plus publiée.
avenue-deleted = La piste est supprimée.
avenue-error-title = Donnez un titre à la piste d'action.
avenue-error-title-long = Le titre ne doit pas dépasser 200 caractères.
avenue-error-description-long = La description ne doit pas dépasser 3 000 caractères.
avenue-error-actors-long = Les acteurs pilotes ne doivent pas dépasser 500 caractères.
avenue-error-confirm-delete = Cochez la case pour confirmer la suppression.
badges-title = Badges
badges-link = Badges à imprimer
badges-intro = Badges des personnes inscrites (inscriptions annulées exclues), 8 par feuille A4.
badges-print = Imprimer
badges-print-hint = Pour imprimer, utilisez la commande Imprimer de votre navigateur (Ctrl+P ou ⌘+P).
badges-day = Jour
badges-all-days = Tous les jours
badges-apply = Afficher
badges-count = Badges : { $count }
badges-none = Aucune personne inscrite pour ce choix.
badge-one = Badge
checkin-scan = Scanner le QR code
checkin-scan-stop = Arrêter la caméra
checkin-scan-hint = Présentez le QR code du billet devant la caméra ; le code est envoyé dès qu'il est lu.
checkin-scan-video = Image de la caméra
checkin-scan-error = La caméra n'a pas pu être ouverte : tapez le code.
registration-error-rate-limited = Trop d'inscriptions depuis cette connexion en peu de temps. Patientez une minute puis renvoyez le formulaire : ce que vous avez saisi est conservé.

## notify: mails to authors (results published, avenue citing an idea) and unsubscribe
author-news-footer = Vous recevez ce message parce que vous avez laissé votre adresse en proposant une idée. Pour ne plus recevoir ces nouvelles, en un clic : { $link }
author-news-results-subject = Les résultats de la consultation sont publiés
author-news-results-intro = Les résultats de la consultation « { $question } » sont publiés. Merci d'y avoir participé !
author-news-results-ideas = Vos idées, chacune avec sa page :
author-news-results-link = Tous les résultats :
author-news-cited-subject = Une piste d'action cite votre idée
author-news-cited-intro = Votre idée a inspiré un atelier : la piste d'action « { $avenue } » la cite.
author-news-cited-avenue = La piste d'action :
author-news-cited-idea = Votre idée :
author-news-unsubscribe-title = Ne plus recevoir de nouvelles de vos idées
author-news-unsubscribe-ask = L'adresse { $address } ne recevra plus de message sur les idées qu'elle a proposées (publication des résultats, pistes d'action qui les citent).
author-news-unsubscribe-confirm = Me désabonner
author-news-unsubscribe-done = C'est fait : l'adresse { $address } ne recevra plus de nouvelles de ses idées.
author-news-error-token = Ce lien de désabonnement n'est pas valide. Vérifiez qu'il a été copié en entier depuis le message reçu.
author-news-publish-title = Publier les résultats
author-news-publish-help = La consultation est close. En publiant ses résultats, chaque auteur d'idée publiée qui a laissé son adresse reçoit un message, un seul même pour plusieurs idées, avec le lien vers ses idées et vers les résultats.
author-news-publish-button = Publier les résultats et prévenir les auteurs
author-news-published = Résultats publiés. Auteurs prévenus par courriel : { $count }.
author-news-published-on = Résultats publiés le { $date } ; les auteurs qui avaient laissé leur adresse ont été prévenus.
author-news-error-open = La consultation est encore ouverte : ses résultats se publient après sa clôture.
author-news-error-already = Les résultats de cette consultation sont déjà publiés.
## media: image uploads, process archive and deletion
media-error-missing = Choisissez une image (JPEG, PNG ou WebP).
media-error-too-large = L’image dépasse 8 Mo. Choisissez une image plus légère : le fichier doit être choisi de nouveau, le reste du formulaire est conservé.
media-error-type = Ce fichier n’est pas une image JPEG, PNG ou WebP lisible. Choisissez une autre image : le fichier doit être choisi de nouveau, le reste du formulaire est conservé.
media-error-too-small = L’image est trop petite : au moins 200 pixels de côté. Choisissez une autre image : le fichier doit être choisi de nouveau.
media-error-too-big = L’image est trop grande : au plus 6000 pixels de côté. Choisissez une autre image : le fichier doit être choisi de nouveau.
media-error-alt = Décrivez l’image en quelques mots (texte alternatif, lu aux personnes aveugles). Le fichier doit être choisi de nouveau.
media-error-alt-long = Le texte alternatif est trop long (300 caractères au plus). Le fichier doit être choisi de nouveau.
media-error-form = Le formulaire d’envoi n’a pas pu être lu. Réessayez.
media-saved = Image enregistrée.
media-removed = Image retirée.
media-current = Image actuelle :
media-remove = Retirer l’image
media-file = Fichier image
media-file-hint = JPEG, PNG ou WebP, 8 Mo au plus, entre 200 et 6000 pixels de côté. Elle est redimensionnée pour les téléphones.
media-alt-hint = Décrit l'image pour qui ne la voit pas : ce qu'elle montre, en une phrase courte.
media-upload = Envoyer l’image
process-image-title = Image de la démarche
process-lifecycle-title = Archiver ou supprimer
process-archive = Archiver la démarche
process-unarchive = Désarchiver la démarche
process-archive-hint = Une démarche archivée quitte la page d’accueil, reste lisible à son adresse et n’accepte plus de participation.
process-archived = Cette démarche est archivée : elle reste consultable, mais n’accepte plus de participation.
process-archived-notice = Démarche archivée.
process-unarchived-notice = Démarche désarchivée.
process-archived-closed = Cette démarche est archivée : elle n’accepte plus de participation.
process-delete-link = Supprimer « { $title } »…
process-delete-title = Supprimer la démarche
process-delete-intro = Supprimer « { $title } » efface aussi tout ce qu’elle contient :
process-delete-phases = phases : { $count }
process-delete-proposals = propositions : { $count }
process-delete-votes = votes : { $count }
process-delete-registrations = inscriptions : { $count }
process-delete-responses = réponses aux questionnaires : { $count }
process-delete-images = images : { $count }
process-delete-irreversible = Cette suppression est définitive.
process-delete-type-title = Pour confirmer, tapez le titre de la démarche : { $title }
process-delete-submit = Supprimer définitivement
process-delete-error-confirm = Le titre tapé n’est pas celui de la démarche : rien n’a été supprimé.
process-deleted = La démarche « { $title } » a été supprimée.
speaker-photo-title = Photo
speaker-photo-alt-hint = Facultatif : sans texte, la photo est décrite par le nom « { $name } ».
## moderation: spelling corrections, duplicates and the moderation log
proposal-corrected = Orthographe corrigée par la modération
proposal-original = Voir le texte d'origine de l'auteur
proposal-merged = Doublons regroupés dans cette idée : { $count }
proposal-duplicate-title = Idée déjà proposée
proposal-duplicate = Cette idée est un doublon : elle a été regroupée avec l'idée suivante, sur laquelle vous pouvez voter.
proposal-duplicate-votes = Les votes donnés au doublon restent enregistrés mais ne comptent pas dans les résultats.
proposal-duplicate-gone = Cette idée est un doublon d'une idée qui n'est plus publiée.
proposal-moderate = Modérer cette idée
moderation-corrected = Le texte est corrigé ; le texte d'origine de l'auteur est conservé.
moderation-duplicated = L'idée est marquée comme doublon.
moderation-error-unchanged = Le texte n'a pas changé : corrigez-le ou laissez-le tel quel.
moderation-error-not-correctable = Seule une idée en attente ou publiée peut être corrigée.
moderation-error-note = La note ne doit pas dépasser 500 caractères.
moderation-error-duplicate-target = Choisissez l'idée conservée dans la liste ou tapez son numéro.
moderation-error-duplicate-unknown = Aucune idée ne porte ce numéro.
moderation-error-duplicate-itself = Une idée ne peut pas être le doublon d'elle-même.
moderation-error-duplicate-elsewhere = Cette idée appartient à une autre consultation : choisissez une idée de la même consultation.
moderation-error-duplicate-chain = Cette idée est elle-même un doublon : choisissez l'idée qu'elle rejoint.
moderation-error-duplicate-unpublished = Cette idée n'est pas publiée : choisissez une idée publiée.
moderation-duplicate-of = Doublon de l'idée n° { $id } :
moderation-public-page = Voir la page publique de l'idée
moderation-edit-title = Corriger l'orthographe
moderation-edit-hint = Le texte d'origine de l'auteur est conservé et l'idée porte la mention « Orthographe corrigée par la modération ». Les votes restent attachés à l'idée.
moderation-edit-content = Texte corrigé
moderation-edit-content-hint = De 12 à 140 caractères, début compris, comme une idée proposée.
moderation-note = Note pour le journal (facultative)
moderation-note-hint = 500 caractères au plus ; visible des seuls modérateurs.
moderation-edit-submit = Enregistrer la correction
moderation-duplicate-title = Marquer comme doublon
moderation-duplicate-hint = Le doublon quitte les séquences de vote et les résultats ; sa page renvoie vers l'idée conservée. Ses votes restent enregistrés mais ne comptent pas.
moderation-duplicate-search = Chercher l'idée conservée (mots ou numéro)
moderation-duplicate-search-submit = Chercher
moderation-duplicate-choose = Idée conservée
moderation-duplicate-none = Aucune idée publiée ne ressemble à celle-ci : cherchez avec d'autres mots ou tapez un numéro.
moderation-duplicate-number = Ou numéro de l'idée conservée
moderation-duplicate-number-hint = Le numéro figure dans l'adresse de la page de l'idée ; il l'emporte sur le choix dans la liste.
moderation-duplicate-submit = Marquer comme doublon
moderation-log-title = Journal de modération
moderation-log-action-accept = Publication
moderation-log-action-refuse = Refus
moderation-log-action-edit = Correction
moderation-log-action-duplicate = Doublon
moderation-log-when = Date
moderation-log-who = Modérateur
moderation-log-what = Décision
moderation-log-proposal = Idée
moderation-log-status-before = État avant
moderation-log-reason = Motif
moderation-log-message = Message ou note
moderation-log-before = Texte (avant)
moderation-log-after = Texte corrigé
moderation-log-kept = Idée conservée
moderation-log-themes = Thèmes
moderation-log-text = Texte
moderation-log-kept-link = idée n° { $id }
moderation-log-public = page publique
moderation-log-all = Toutes
moderation-log-from = Du
moderation-log-to = Au
moderation-log-search = Texte
moderation-log-apply = Filtrer
moderation-log-count = Décisions : { $count } (page { $page } sur { $pages })
moderation-log-export-csv = Télécharger en CSV
moderation-log-export-xlsx = Télécharger en XLSX
moderation-log-pages = Pages du journal
moderation-log-previous = Page précédente
moderation-log-next = Page suivante
moderation-log-empty = Aucune décision ne correspond à ce filtre.
moderation-log-error-date = Une date n'est pas valide : écrivez-la sous la forme 2026-11-29.
moderation-log-error-range = La date de fin précède la date de début.
## ideas: « Toutes les idées », recherche, et ce qu'est devenue une idée
ideas-link = Toutes les idées
ideas-title = Toutes les idées
ideas-title-page = Toutes les idées, page { $page } sur { $pages }
ideas-filter = Chercher et trier les idées
ideas-search = Mots à chercher
ideas-search-hint = Accents, majuscules et pluriels n'ont pas d'importance : « logements » trouve « Logement ». Une idée doit contenir tous les mots.
ideas-theme = Thème
ideas-all-themes = Tous les thèmes
ideas-zone = Avis des participants
ideas-all-zones = Tous les avis
ideas-sort = Ordre
ideas-sort-support = Les plus soutenues d'abord
ideas-sort-controversy = Les plus discutées d'abord
ideas-sort-newest = Les plus récentes d'abord
ideas-apply = Afficher
ideas-clear = Voir toutes les idées
ideas-count-none = Aucune idée trouvée
ideas-count-one = 1 idée trouvée
ideas-count = { $count } idées trouvées
ideas-words-ignored = Les mots cherchés sont trop courants pour trier les idées : toutes sont affichées. Essayez un mot plus précis, par exemple « logement » ou « école ».
ideas-none = Aucune idée n'est encore publiée dans cette consultation.
ideas-none-filtered = Aucune idée ne correspond. Essayez moins de mots, un autre mot (par exemple « santé » plutôt que « médecin »), ou « Tous les thèmes » et « Tous les avis ».
ideas-previous = Page précédente
ideas-next = Page suivante
ideas-page = Page { $page }
ideas-pages = Pages
ideas-votes = { $count ->
    [one] { $count } vote
   *[other] { $count } votes
}, { $agree } % d'accord
ideas-zone-consensus = Consensus
ideas-zone-controversy = Partage les avis
ideas-zone-rejection = Rejetée
ideas-zone-limbo = Avis pas encore tranché
idea-fate-title = Ce qu'est devenue cette idée
idea-fate-votes = { $count } votes comptés
idea-fate-zone-consensus = Une large majorité des participants qui ont voté est d'accord avec cette idée, et peu s'y opposent.
idea-fate-zone-controversy = Les participants sont partagés : une part importante est d'accord, une autre part importante ne l'est pas.
idea-fate-zone-rejection = Une large majorité des participants qui ont voté n'est pas d'accord avec cette idée.
idea-fate-zone-limbo = On ne sait pas encore ce qu'en pensent les participants : trop peu de votes, ou surtout des avis neutres.
idea-fate-same-zone = Voir les autres idées « { $zone } »
idea-fate-avenues = Pistes d'action
idea-fate-avenues-intro = Des ateliers du colloque se sont appuyés sur cette idée pour proposer ces pistes d'action :
idea-fate-no-avenue = Aucune piste d'action publiée ne cite encore cette idée.
idea-fate-avenue-from = Atelier « { $workshop } », { $event }
## path: the residents' shortest path (home button, short address, poster, flyer, printable results)
path-home-open-one = Consultation ouverte
path-home-open-many = Consultations ouvertes
path-home-give-opinion = Je donne mon avis
path-home-until = Ouverte jusqu'au { $date } inclus
path-home-join-phase = Participer à l'étape en cours
path-poster-link = Affiche et flyers à imprimer
path-poster-title = Affiche à imprimer
path-poster-intro = Une affiche A4 avec la question, un code QR et l'adresse courte qui ouvre directement le vote.
path-flyer-title = Flyers à imprimer
path-flyer-intro = Quatre flyers par feuille A4, à découper en quatre : la question, un code QR et l'adresse courte qui ouvre directement le vote.
path-poster-to-flyer = Flyers, quatre par feuille A4
path-flyer-to-poster = Affiche A4
path-print = Imprimer
path-print-hint = Pour imprimer, utilisez la commande Imprimer de votre navigateur (Ctrl+P ou ⌘+P).
path-poster-closed = Cette consultation est terminée : l'adresse courte mène désormais à ses résultats.
path-poster-upcoming = Cette consultation n'est pas encore ouverte : jusqu'au { $date }, l'adresse courte mène à sa présentation.
path-poster-kicker = Donnez votre avis
path-poster-dates = Consultation ouverte { $range }
path-poster-scan = Scannez le code avec votre téléphone ou tapez l'adresse :
path-poster-how = Votez sur les idées des habitants et proposez les vôtres, en quelques minutes, sans créer de compte.
path-poster-qr = Code QR de l'adresse { $url }
path-short-title = Redirection
path-short-continue = Continuer vers la consultation
path-results-print = Imprimer les résultats
path-results-printed = Résultats au { $date }
## scratch: gaps found building a process from an empty database
scratch-session-no-speakers = Aucun intervenant pour l'instant : ajoutez-les depuis la page de l'événement, puis revenez les associer à cette séance.
## setup: thèmes d'une démarche, quartiers d'une consultation, tableau de bord
themes-title = Thèmes
themes-manage = Gérer les thèmes
themes-intro = Les thèmes de « { $process } », dans l'ordre où ils sont présentés. Un thème utilisé par des propositions, des sessions ou des pistes d'action ne peut pas être supprimé.
themes-none = Aucun thème pour l'instant.
themes-add = Ajouter un thème
theme-edit-title = Modifier le thème
theme-name = Nom du thème
theme-colour = Couleur de l'étiquette
theme-colour-hint = Le texte de l'étiquette (noir ou blanc) doit rester lisible : un contraste d'au moins 4,5:1 est exigé (RGAA / WCAG AA).
theme-colour-none = Sans couleur (gris clair)
theme-colour-custom = Ou code de couleur (facultatif)
theme-colour-custom-hint = Par exemple #0b5394. S'il est rempli, il remplace le choix ci-dessus.
theme-colour-blue = Bleu
theme-colour-green = Vert
theme-colour-red = Rouge
theme-colour-purple = Violet
theme-colour-orange = Brun orangé
theme-colour-teal = Bleu-vert
theme-colour-pink = Framboise
theme-colour-slate = Ardoise
theme-colour-ratio = Couleur { $colour }, contraste { $ratio }:1
theme-unused = utilisé nulle part
theme-edit = Modifier « { $name } »
theme-move-up = Monter « { $name } »
theme-move-down = Descendre « { $name } »
theme-delete = Supprimer « { $name } »
theme-saved = Le thème « { $name } » est enregistré.
theme-deleted = Le thème « { $name } » est supprimé.
theme-error-name = Donnez un nom au thème.
theme-error-name-long = Le nom du thème ne doit pas dépasser 120 caractères.
theme-error-name-taken = Cette démarche a déjà un thème de ce nom : choisissez-en un autre.
theme-error-colour = Ce code de couleur n'est pas reconnu : écrivez-le sous la forme #0b5394 (ou #09c).
theme-error-contrast = Avec cette couleur, le texte de l'étiquette ne serait pas assez lisible : contraste de { $ratio }:1, il faut au moins 4,5:1. Choisissez une couleur plus foncée ou plus claire, ou une couleur de la liste.
theme-error-in-use = Le thème « { $name } » ne peut pas être supprimé : il est utilisé par { $usage }. Retirez-le d'abord de ces éléments, ou renommez-le.
theme-usage-proposals = { $count ->
    [1] 1 proposition
   *[other] { $count } propositions
}
theme-usage-sessions = { $count ->
    [1] 1 session
   *[other] { $count } sessions
}
theme-usage-avenues = { $count ->
    [1] 1 piste d'action
   *[other] { $count } pistes d'action
}
theme-usage-and = et
settings-neighbourhoods-count = { $count ->
    [0] Aucun quartier enregistré : la carte de profil ne proposera pas de quartier.
    [1] 1 quartier enregistré (lignes vides et doublons retirés à l'enregistrement).
   *[other] { $count } quartiers enregistrés (lignes vides et doublons retirés à l'enregistrement).
}
dashboard-title = Tableau de bord de la participation
dashboard-link = Tableau de bord de la participation
dashboard-link-phase = Tableau de bord : { $title }
dashboard-definitions = Ce que comptent ces chiffres
dashboard-participants = Participants
dashboard-proposals = Propositions
dashboard-votes = Votes
dashboard-groups = Quartier et âge
dashboard-def-participants = Personnes distinctes ayant voté ou proposé (sur la journée pour les chiffres par jour, sur toute la consultation pour le total) ; une personne qui vote plusieurs jours compte chacun de ces jours, mais une seule fois au total.
dashboard-def-proposals = Propositions déposées, quelle que soit la décision de modération (en attente, publiées ou refusées).
dashboard-def-votes = Votes comptés dans les résultats (votes du parcours et votes de confiance) ; les votes écartés comme non fiables ne sont pas comptés, comme dans les résultats. Un vote modifié compte le jour où il a été donné.
dashboard-def-groups = Réponse donnée sur la carte de profil facultative par les participants ci-dessus ; « Non renseigné » regroupe ceux qui n'ont rien indiqué.
dashboard-per-day = Participation par jour
dashboard-totals = En tout : { $participants } participants, { $proposals } propositions, { $votes } votes.
dashboard-chart-name = Participants, propositions et votes par jour
dashboard-chart-desc = Graphique en courbes ; les valeurs exactes sont dans le tableau qui suit.
dashboard-timezone = Jours comptés à l'heure de { $timezone }.
dashboard-days-caption = Participants, propositions et votes par jour
dashboard-day = Jour
dashboard-total = Total
dashboard-no-activity = Aucune participation pour l'instant.
dashboard-by-neighbourhood = Participation par quartier
dashboard-coverage = { $covered ->
    [one] { $covered } quartier sur { $total } a participé
   *[other] { $covered } quartiers sur { $total } ont participé
}
dashboard-missing = { $count ->
    [1] Quartier sans participant :
   *[other] Quartiers sans participant ({ $count }) :
}
dashboard-no-neighbourhoods = Aucun quartier n'est proposé dans cette consultation (voir ses réglages).
dashboard-hoods-caption = Participants par quartier
dashboard-neighbourhood = Quartier
dashboard-by-age = Participation par tranche d'âge
dashboard-ages-caption = Participants par tranche d'âge
dashboard-age = Tranche d'âge
dashboard-not-said = Non renseigné
dashboard-exports = Télécharger les chiffres
dashboard-csv = Tableur CSV
dashboard-xlsx = Classeur Excel (XLSX)
dashboard-section = Rubrique
dashboard-label = Libellé
