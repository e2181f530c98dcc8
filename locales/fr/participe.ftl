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
component-evaluation = Évaluation en direct
component-evaluation-what = Une rencontre en salle et en vidéo où chacun évalue la démarche en direct depuis son téléphone.

## Connexion
login-title = Connexion de l'équipe
login-intro = Réservé à l'équipe (administration, modération, médiation, accueil). Pour participer, aucun compte n'est nécessaire.
login-submit = Se connecter
login-error-credentials = Adresse e-mail ou mot de passe incorrect.
login-welcome = Bonjour { $name }, vous êtes connecté·e.
logout-done = Vous êtes déconnecté·e.
password-show = Afficher le mot de passe
password-hide = Masquer le mot de passe

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
