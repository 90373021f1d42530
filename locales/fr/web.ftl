# Les pages de l'application web.
web-skip = Aller au contenu
web-sign-in = Se connecter
web-login = Identifiant
web-password = Mot de passe
web-refused = L'identifiant ou le mot de passe est faux.
web-throttled = Trop d'échecs de connexion pour cet identifiant ou depuis cette adresse : attendez 15 minutes et réessayez.
web-busy = Le serveur vérifie beaucoup de mots de passe en même temps : réessayez dans un instant.
web-server-full = gestio répond à autant de connexions qu’il le peut : réessayez dans un instant.
web-signed-in-as = Connecté·e en tant que
web-sign-out = Se déconnecter
web-caseload = Bénéficiaires
web-caseload-heading = Les bénéficiaires et l'argent dont ils disposent
web-caseload-empty = Aucun dossier ne vous est encore attribué.
web-caseload-caption = L'argent est la somme des comptes bancaires et de la caisse.
web-column-name = Nom
web-column-language = Langue
web-column-mandate = Mesure
web-column-case = Numéro de dossier
web-column-book = Livre
web-column-money = Argent
web-column-next-account = Prochain compte au tribunal
web-column-period = Période
web-column-filed-on = Déposé le
web-column-review = Avis du tribunal
web-column-documents = Documents
web-portal = Votre compte
web-portal-statements = Vos relevés mensuels
web-portal-filed = Comptes envoyés au tribunal
web-portal-none-filed = Aucun compte n'a encore été envoyé au tribunal.
web-court = Comptes déposés au tribunal
web-court-none = Aucun compte n'a encore été déposé à votre tribunal.
web-review-none = Pas encore examiné
web-review-approved = Approuvé
web-review-remarks = Observations
web-review-approve = Approuver ce compte
web-review-remarks-label = Observations pour le tuteur
web-review-send-remarks = Envoyer les observations
web-download-pdf = Le compte (PDF)
web-download-bundle = Le compte et ses justificatifs (zip)
web-audit = Journal d'audit
web-audit-search = Rechercher
web-audit-user = Personne
web-audit-kind = Quoi
web-audit-any = tout
web-column-when = Quand
web-column-who = Qui
web-column-what = Quoi
web-column-route = Requête
web-column-status = Réponse
web-audit-empty = Aucun résultat.
web-case-accounts = Comptes et soldes
web-case-suspense = Lignes à classer
web-case-suspense-none = Toutes les lignes importées sont classées.
web-case-move-to = Imputer à
web-case-make-rule = et en faire une règle
web-case-categorise = Classer
web-case-entries = Écritures
web-case-from = Du
web-case-to = Au
web-case-file = Déposer le compte au tribunal
web-column-code = Code
web-column-balance = Solde
web-column-date = Date
web-column-description = Libellé
web-column-postings = Imputations
web-import = Importer des relevés bancaires
web-import-files = Fichiers de relevés (camt.052, camt.053, camt.054, ou export CSV de la banque)
web-import-send = Importer
web-import-nothing = Choisissez au moins un fichier à importer.
web-import-refused = Ce fichier n'a pas été importé, rien n'en a été gardé :
web-import-statement = Relevé
web-import-new = Lignes comptabilisées
web-import-already = Déjà comptabilisées
web-import-by-rule = Classées par une règle
web-payments = Paiements
web-payments-prepare = Préparer un ordre de paiement groupé
web-payments-date = Date d'exécution
web-payments-book = Du compte de
web-payments-whole-office = tout l'office
web-payments-prepare-button = Préparer
web-payments-runs = Derniers ordres groupés
web-payments-no-runs = Aucun ordre groupé.
web-payments-run = Ordre groupé
web-payments-state = État
web-payments-prepared-by = Préparé par
web-payments-approve = Approuver et écrire les fichiers
web-payments-orders = Ordres
web-payments-held = Retenus faute d'argent
web-payments-reason = Motif
web-payments-files = Fichiers pour la banque
web-admin-users = Utilisateurs
web-admin-role = Rôle
web-admin-actions = Actions
web-admin-disabled = désactivé
web-admin-assign = Attribuer un livre
web-admin-assign-button = Attribuer
web-admin-withdraw = Retirer
web-admin-enable = Réactiver
web-admin-disable = Désactiver
web-admin-add = Ajouter un utilisateur
web-admin-beneficiary = Numéro du bénéficiaire (utilisateurs bénéficiaires)
web-case-filter = Afficher ces dates
web-entry = Écriture
web-entry-back = Retour au dossier
web-entry-source = Origine
web-entry-reference = Référence
web-entry-receipt = Numéro de pièce
web-entry-author = Saisie par
web-entry-reverses = Annule
web-entry-reversed-by = Annulée par
web-entry-evidence = Justificatifs
web-entry-no-evidence = Aucun justificatif n'est joint à cette écriture.
web-entry-attach-files = Justificatifs à joindre (PDF, JPEG ou PNG)
web-entry-attach = Joindre
web-entry-no-file = Choisissez au moins un fichier à joindre.
web-entry-reverse-heading = Contre-passer cette écriture
web-entry-reverse-help = Une écriture n'est jamais modifiée. La contre-passer enregistre son écriture inverse à la date indiquée, et les deux s'annulent ; saisissez ensuite l'écriture correcte.
web-entry-reversal-date = Date de la contre-passation
web-entry-reversal-reason = Motif
web-entry-reverse = Contre-passer
web-source-opening = Soldes d'ouverture
web-source-import = Relevé bancaire
web-source-payment = Paiement
web-source-manual = Saisie manuelle
web-source-reversal = Contre-passation
web-source-adjustment = Correction d'une période déposée
web-case-payments = Paiements, échéanciers et dettes
web-schedules = Paiements programmés
web-schedules-none = Aucun paiement n'est programmé pour ce dossier.
web-column-creditor = Créancier
web-column-rhythm = Périodicité
web-column-until = Jusqu'au
web-column-priority = Priorité
web-debts = Dettes et plans d'apurement
web-debts-none = Aucune dette n'est enregistrée pour ce dossier.
web-column-owed = Dû
web-column-repaid = Remboursé
web-column-remaining = Reste dû
web-column-on-the-way = Ordonné, pas encore au relevé
web-column-plan = Plan
web-schedule-add = Programmer un paiement
web-schedule-needs-creditor = Ajoutez d'abord le créancier, ci-dessous.
web-schedule-day = Jour (1–31, last, ou mon…sun)
web-schedule-instalments = Nombre de paiements
web-schedule-until-repaid = jusqu'au remboursement de la dette
web-schedule-creditor-default = le compte habituel du créancier
web-schedule-needs-judge = le juge doit d'abord l'autoriser
web-schedule-stopped = Arrêté
web-schedule-awaits-judge = En attente de l'autorisation du juge
web-schedule-active = Actif
web-creditor-add = Ajouter un créancier
web-creditor-street = Rue et numéro
web-creditor-postcode = Code postal
web-creditor-town = Localité
web-creditor-country = Pays (deux lettres)
web-creditor-remittance = Référence pour le créancier
web-debt-add = Enregistrer une dette
web-every-once = une fois
web-every-weekly = chaque semaine
web-every-monthly = chaque mois
web-every-quarterly = chaque trimestre
web-every-yearly = chaque année
web-day-last = dernier jour
web-entry-already-attached = Un de ces fichiers est déjà joint à cette écriture ; rien n'a été ajouté.
web-caseload-assumed = supposée, le tribunal ne l'a pas fixée
web-column-to-do = À faire
web-todo-gaps = { $count ->
    [one] 1 trou entre relevés
   *[other] { $count } trous entre relevés
}
web-todo-categorise = { $count ->
    [one] 1 ligne à classer
   *[other] { $count } lignes à classer
}
web-todo-held = { $count ->
    [one] 1 paiement retenu
   *[other] { $count } paiements retenus
}
web-todo-on-the-way = { $count ->
    [one] 1 ordre pas encore au relevé
   *[other] { $count } ordres pas encore au relevé
}
web-caseload-due = à déposer le
web-profile = Vos réglages
web-profile-home = Retour à la page d'accueil
web-profile-language = Langue
web-profile-language-label = Afficher les pages en
web-profile-browser = la langue du navigateur
web-profile-save = Enregistrer
web-profile-password = Mot de passe
web-profile-password-help = Après le changement, toutes les sessions ouvertes avec l'ancien mot de passe se ferment, celle-ci aussi : reconnectez-vous avec le nouveau.
web-profile-current = Mot de passe actuel
web-profile-new = Nouveau mot de passe (au moins 12 caractères)
web-profile-repeat = Nouveau mot de passe, à nouveau
web-profile-change = Changer le mot de passe

# A new password refused as too easy to guess, and why.
password-weak = Ce mot de passe est trop facile à deviner : { $reason }. Choisissez une phrase de trois ou quatre mots sans rapport entre eux.
password-weak-common = c’est un mot de passe courant, ou presque
password-weak-keyboard = il suit les touches du clavier
password-weak-repeats = il répète les mêmes caractères
password-weak-sequence = il contient une suite comme abc ou 6543
password-weak-date = il contient une date ou une année récente
password-weak-word = c’est un seul mot ou un nom
password-weak-other = il contient trop peu d’éléments difficiles à deviner

# Roles, as people read them.
role-administrator = Administrateur de l’instance
role-supervisor = Responsable
role-counsellor = Conseiller ou conseillère
role-beneficiary = Bénéficiaire
role-court = Greffe ou juge
web-admin-court-staff-elsewhere = Le personnel des tribunaux est ajouté par l’administrateur de l’instance, avec son tribunal : un office ne peut pas l’ajouter.

# The administrator's courts page.
web-courts = Tribunaux
web-courts-intro = Les tribunaux auxquels les offices de cette instance rendent compte des mesures, et leur personnel. Le personnel d’un tribunal ne lit que les comptes déposés auprès de son tribunal.
web-courts-recorded = Tribunaux enregistrés
web-courts-none = Aucun tribunal n’est encore enregistré.
web-court-name = Nom, comme sur les jugements
web-court-jurisdiction = Présentation de ses comptes
web-court-address = Adresse
web-court-staff = Personnel
web-court-staff-none = Personne pour l’instant.
web-court-staff-add = Ajouter un membre de son personnel
web-court-add = Enregistrer un tribunal
jurisdiction-lu = Luxembourg
jurisdiction-fr = France
jurisdiction-de = Allemagne
jurisdiction-generic = Autre (présentation générique)
web-menu = Menu
web-menu-my-money = Mon argent
web-menu-filed-accounts = Comptes déposés
web-menu-courts = Tribunaux
error-page-back = Revenir à la page précédente
error-page-start = Page d’accueil
error-page-sign-in = Se connecter
error-page-reference = Référence pour l’administrateur :
error-page-title-400 = La demande n’a pas pu être lue
error-page-help-400 = Quelque chose dans l’adresse ou le formulaire n’était pas comme prévu. Revenez en arrière et réessayez.
error-page-title-401 = Vous n’êtes pas connecté
error-page-help-401 = Votre session a pris fin ou vous vous êtes déconnecté. Reconnectez-vous ; ce que vous aviez saisi n’a pas été enregistré.
error-page-title-403 = Non autorisé
error-page-help-403 = Votre rôle permet de voir cette page mais pas de faire ceci, ou le formulaire était trop ancien. Revenez en arrière, rechargez la page et réessayez.
error-page-title-404 = Page introuvable
error-page-help-404 = Cette page n’existe pas, ou vous n’êtes pas autorisé à la voir. Vérifiez l’adresse ou repartez de votre page d’accueil.
error-page-title-405 = Impossible ici
error-page-help-405 = Cette adresse ne s’utilise pas ainsi. Repartez de votre page d’accueil.
error-page-title-408 = Cela a pris trop de temps
error-page-help-408 = Le serveur a arrêté le travail après 30 secondes ; rien n’a été enregistré. Demandez moins (une période plus courte) ou réessayez plus tard.
error-page-title-409 = En conflit avec ce qui est enregistré
error-page-help-409 = C’était déjà fait, ou ce dont cela dépend a changé. Rien n’a été modifié : lisez le message ci-dessous et rechargez la page.
error-page-title-413 = Le fichier est trop volumineux
error-page-help-413 = Rien n’a été enregistré. Envoyez un fichier plus petit, ou découpez-le.
error-page-title-422 = Ceci a été refusé
error-page-help-422 = Rien n’a été enregistré. Le message ci-dessous dit ce qui n’allait pas : revenez en arrière, corrigez et renvoyez.
error-page-title-429 = Trop de tentatives
error-page-help-429 = Attendez un moment (pour les mots de passe, 15 minutes) et réessayez.
error-page-title-500 = Une erreur s’est produite sur le serveur
error-page-help-500 = Ce que vous avez demandé n’a pas été fait. L’erreur a été enregistrée : si elle se reproduit, prévenez votre administrateur en lui donnant la référence ci-dessous.
error-page-title-503 = Le serveur est occupé
error-page-help-503 = Rien n’a été enregistré. Réessayez dans un instant.
web-case-menu = Sections du dossier
web-case-choose-category = — choisir une catégorie —
web-court-panel = Comptes pour le tribunal et relevés
web-court-panel-filed = Le compte a été déposé et sa période verrouillée. Le tribunal peut le lire dès maintenant ; son examen apparaîtra ci-dessous.
web-court-period = La période du compte
web-court-show = Afficher le compte
web-court-preset-due = Le prochain compte dû
web-court-preset-month = Le mois dernier
web-court-preset-year = L’année dernière
web-court-preview = Le compte, avant son dépôt
web-court-opening = Au début
web-court-in = Entrées
web-court-out = Sorties
web-court-closing = À la fin
web-court-downloads = Télécharger :
web-court-checks = Contrôles
web-court-no-warnings = Le compte est équilibré, concorde avec la banque et aucun justificatif ne manque.
web-court-warning-bank = Compte { $account } : les livres et le relevé de la banque diffèrent de { $difference } à la fin de la période.
web-court-warning-no-statement = Compte { $account } : aucun relevé bancaire ne se termine dans la période, son solde n’est donc pas contrôlé.
web-court-warning-waiting = Des lignes bancaires pour { $amount } attendent encore une catégorie : le compte les montrera comme pas encore triées.
web-court-warning-receipts = { $count ->
    [one] 1 paiement au-dessus du seuil n’a pas de justificatif joint.
   *[other] { $count } paiements au-dessus du seuil n’ont pas de justificatif joint.
}
web-court-warning-opening = { $count ->
    [one] 1 compte s’ouvre sur un autre montant que celui de la clôture du compte déposé précédent.
   *[other] { $count } comptes s’ouvrent sur d’autres montants que ceux de la clôture du compte déposé précédent.
}
web-court-warning-gaps = { $count ->
    [one] 1 écart entre relevés bancaires n’est pas expliqué.
   *[other] { $count } écarts entre relevés bancaires ne sont pas expliqués.
}
web-court-warning-adds-up = Le compte n’est pas équilibré : ouverture, entrées et sorties ne donnent pas la clôture.
web-court-file-help = Déposer envoie ce compte au tribunal et verrouille sa période : ses écritures ne pourront plus être corrigées que par des ajustements dans une période ultérieure.
web-court-confirm = { $count ->
    [one] J’ai lu l’avertissement ci-dessus et je dépose le compte tel quel.
   *[other] J’ai lu les { $count } avertissements ci-dessus et je dépose le compte tel quel.
}
web-court-confirm-needed = Rien n’a été déposé : cochez que vous avez lu les avertissements (ils ont pu changer depuis l’affichage de la page ; relisez-les).
web-court-statements = Relevés mensuels pour la personne
web-case-search = Rechercher
web-case-amount = Montant
web-case-direction = Sens
web-case-direction-both = Entrées et sorties
web-case-direction-in = Entrées
web-case-direction-out = Sorties
web-case-pick = Choisir
web-case-bulk-to = Déplacer les lignes choisies vers
web-case-bulk = Déplacer les lignes choisies
web-case-previous = 50 précédentes
web-case-next = 50 suivantes
web-case-waiting-range = Lignes { $first } à { $last } sur { $total }
web-case-moved = { $count ->
    [one] 1 ligne a été placée sur son compte.
   *[other] { $count } lignes ont été placées sur leur compte.
}
web-case-choose-first = Choisissez d’abord le compte où placer la ligne : rien n’a été déplacé.
web-case-pick-first = Choisissez d’abord les lignes à déplacer : rien n’a été déplacé.
web-case-find = Trouver
web-case-no-match = Aucune ligne en attente ne correspond à cette recherche.
web-case-accounts-all = { $count ->
    [one] Afficher 1 compte de plus, à zéro
   *[other] Afficher { $count } comptes de plus, à zéro
}
web-case-accounts-fewer = Masquer les comptes à zéro
web-case-newer = Écritures plus récentes
web-case-older = Écritures plus anciennes
web-review-history = Examens successifs
web-review-confirm = J’ai lu ce compte et ses justificatifs ; enregistrer mon examen (il est conservé définitivement).
web-review-confirm-needed = Rien n’a été enregistré : cochez que vous avez lu le compte avant de l’approuver ou d’envoyer des remarques.
web-caseload-runs-waiting = { $count ->
    [one] 1 lot de paiements attend votre approbation
   *[other] { $count } lots de paiements attendent votre approbation
}

web-import-dropped = Le fichier n'a pas été importé ; rien n'en a été gardé.
web-import-booked = Le fichier a été importé.
web-import-matched = Déjà saisies à la main
web-import-waiting = Avant de comptabiliser ce fichier, comparez ce qu'il dit avec la comptabilité, puis comptabilisez-le ou laissez-le.
web-import-opening-differs = Le relevé commence le { $date } avec { $statement } ; la comptabilité indique { $book } ce jour-là (écart { $difference }). Il manque peut-être un relevé, ou une écriture saisie à la main est fausse. Comptabilisez-le seulement avec un motif, ou laissez-le et vérifiez d'abord la comptabilité.
web-import-matches-intro = Ces lignes ressemblent à des écritures déjà saisies à la main (même montant, au plus 3 jours d'écart). Une ligne cochée est comptabilisée par cette écriture, pas une deuxième fois.
web-import-match = Même argent ?
web-import-line = Ligne bancaire
web-import-hand-entry = Écriture saisie à la main
web-import-same-money = Déjà comptabilisée par cette écriture
web-import-new-lines = { $count ->
    [one] 1 nouvelle ligne
   *[other] { $count } nouvelles lignes
}
web-import-reason = Motif (facultatif)
web-import-reason-required = Pourquoi le comptabiliser malgré l'écart de solde (obligatoire)
web-import-reason-needed = Dites pourquoi le fichier doit être comptabilisé alors que son solde d'ouverture diffère de la comptabilité, ou laissez-le.
web-import-book = Comptabiliser
web-import-drop = Ne pas importer
web-import-another = Importer un fichier
web-import-account = Compte bancaire (pour un fichier CSV sans IBAN ; son format bancaire est retenu)
web-import-account-from-file = Trouvé dans le fichier
web-import-profile = Format de la banque
web-import-profile-camt = ISO 20022 camt (XML), trouvé dans le fichier
web-import-profile-bcee = BCEE (CSV)
web-import-profile-sparkasse = Sparkasse (CSV)
web-import-profile-banque-postale = La Banque Postale (CSV)
web-import-profile-swedbank = Swedbank (CSV)
web-imports = Fichiers importés
web-imports-undone = { $count ->
    [one] L'import a été annulé : 1 écriture contre-passée. Le fichier peut être importé à nouveau.
   *[other] L'import a été annulé : { $count } écritures contre-passées. Le fichier peut être importé à nouveau.
}
web-imports-undone-on = Annulé le { $date } par { $person }
web-imports-into = Importer un relevé dans { $account }
web-imports-none = Aucun fichier n'a encore été importé dans ce dossier.
web-imports-imported = Importé
web-imports-file = Fichier
web-imports-period = Période
web-imports-lines = Lignes
web-imports-state = État
web-imports-reason = Comptabilisé avec le motif :
web-imports-standing = En comptabilité
web-imports-confirm = Je veux annuler cet import : ses écritures sont contre-passées et ses lignes quittent la comptabilité.
web-imports-confirm-first = Cochez la case pour confirmer que cet import doit être annulé.
web-imports-undo = Annuler l'import
web-case-imports = Imports
web-case-reopened = Le classement a été annulé : la ligne attend de nouveau ici, pour être comptabilisée sur le bon compte.
web-entry-undo-categorisation-heading = Annuler le classement
web-entry-undo-categorisation-help = L'argent retourne dans les lignes à classer, où la ligne attend de nouveau d'être comptabilisée sur le bon compte. Rien n'est effacé : une écriture enregistre l'annulation.
web-entry-undo-categorisation = Annuler le classement
web-rules = Règles
web-rules-help = Une règle comptabilise d'elle-même sur un compte les lignes bancaires qu'elle reconnaît, à l'import. Elles sont essayées dans cet ordre ; la première qui correspond décide.
web-rules-none = Aucune règle ne s'applique encore à ce dossier. Cochez « et en faire une règle » en classant une ligne.
web-rules-waiting = { $count ->
    [one] 1 ligne attend d'être classée
   *[other] { $count } lignes attendent d'être classées
}
web-rules-scope = S'applique à
web-rules-for-case = ce dossier
web-rules-for-office = tous les dossiers de l'office
web-rules-looks-for = Cherche
web-rules-books-to = Comptabilise sur
web-rules-matches = Lignes en attente qu'elle reconnaît
web-rules-no-target = aucun compte de ce dossier
web-rules-is-off = désactivée
web-rules-priority = Ordre (le plus petit d'abord)
web-rules-save = Enregistrer
web-rules-switch-off = Désactiver
web-rules-switch-on = Activer
web-rules-confirm = Je veux supprimer cette règle (les lignes qu'elle a comptabilisées restent telles quelles)
web-rules-delete = Supprimer la règle
web-rules-confirm-first = Cochez la case pour confirmer que la règle doit être supprimée.
web-rules-priority-number = Écrivez l'ordre en nombre entier, par exemple 100.
web-rules-apply = { $count ->
    [one] Comptabiliser la ligne en attente qu'elle reconnaît
   *[other] Comptabiliser les { $count } lignes en attente qu'elle reconnaît
}
web-rules-applied = { $count ->
    [one] 1 ligne en attente a été comptabilisée par la règle.
   *[other] { $count } lignes en attente ont été comptabilisées par la règle.
}
web-rules-off = La règle a été désactivée : elle ne comptabilise plus rien tant qu'elle n'est pas réactivée.
web-rules-on = La règle a été activée.
web-rules-changed = La règle a été enregistrée.
web-rules-deleted = La règle a été supprimée.
web-rules-if-iban = IBAN est { $value }
web-rules-if-name = le nom contient « { $value } »
web-rules-if-remittance = le message contient « { $value } »
web-rules-if-pattern = le message correspond à { $value }
web-rules-if-bank-code = le code bancaire commence par { $value }
web-rules-if-at-least = au moins { $value }
web-rules-if-at-most = au plus { $value }
web-rules-if-in = argent reçu
web-rules-if-out = argent sorti
web-case-rules = Règles
web-case-rule-made = Une règle en a été faite : appliquez-la aux autres lignes en attente.
web-new-entry = Une nouvelle écriture
web-new-entry-help = Pour l'argent que la banque ne montre pas (espèces, une prestation versée à un tiers) ou pour corriger quelque chose : un montant d'un compte vers un autre. Son justificatif se joint à la page suivante.
web-new-entry-description = Ce qui s'est passé
web-new-entry-amount = Montant
web-new-entry-from = De (d'où vient l'argent)
web-new-entry-to = Vers (où va l'argent)
web-new-entry-choose = — choisissez un compte —
web-new-entry-receipt = Numéro de pièce (facultatif)
web-new-entry-adjustment = Corriger une période déjà déposée au tribunal
web-new-entry-adjustment-help = La comptabilité est déposée jusqu'au { $through }. Une correction de cette période est datée après et indique l'écriture déposée qu'elle corrige ; le compte suivant la montre comme correction.
web-new-entry-corrects = Numéro de l'écriture déposée qu'elle corrige (vide pour une écriture ordinaire)
web-new-entry-post = Enregistrer l'écriture
web-new-entry-date-needed = Donnez la date en jour, mois et année.
web-new-entry-description-needed = Dites en quelques mots ce qui s'est passé.
web-new-entry-amount-needed = Donnez le montant.
web-new-entry-accounts-needed = Choisissez d'où vient l'argent et où il va.
web-new-entry-accounts-differ = L'argent doit aller d'un compte vers un autre : choisissez deux comptes différents.
web-new-entry-corrects-number = Donnez le numéro de l'écriture déposée, par exemple 12.
web-entry-posted = L'écriture a été enregistrée. Joignez son justificatif ci-dessous.
web-entry-correct = Corriger cette écriture d'une période déposée
web-case-new-entry = Une nouvelle écriture
web-case-signs-accounting = Afficher les signes comptables (débits +, crédits −)
web-case-signs-people = Afficher les montants tels qu'on les lit (revenus reçus et dettes dues en positif)
web-case-sum-unread = Écrivez un montant, par exemple 780,00.
web-case-entries-account = Compte
web-case-entries-any-account = tout compte
web-column-money-moved = De → vers · montant
web-run-state-prepared = en attente d'approbation
web-run-state-approved = approuvé, fichiers écrits
web-order-state-planned = prévu
web-order-state-exported = envoyé à la banque
web-order-state-executed = payé
web-order-state-returned = renvoyé par la banque
web-payments-approved-by = Approuvé par
web-payments-total = Total
web-payments-payee = Payé à
web-payments-paying = Comptes payeurs
web-payments-paying-total = Ce lot
web-payments-paying-balance = Solde actuel
web-payments-paying-after = Reste après
web-payments-cancel = Annuler le lot
web-payments-cancel-confirm = Je veux annuler ce lot : ses paiements ne sont pas faits, et le prochain lot les prévoit de nouveau.
web-payments-cancel-confirm-first = Cochez la case pour confirmer que le lot doit être annulé.
web-payments-cancelled = Le lot a été annulé ; ses paiements seront prévus de nouveau par le prochain lot.
web-settings = Réglages
web-settings-saved = Les réglages ont été enregistrés.
web-settings-four-eyes = Lots de paiement
web-settings-four-eyes-help = Une deuxième personne approuve chaque lot de paiement avant l'écriture de ses fichiers (quatre yeux)
web-settings-cases = Réserves et découverts
web-settings-cases-help = Les paiements d'un dossier laissent sa réserve sur ses comptes ; un compte bancaire peut aller jusqu'à son découvert pour payer.
web-settings-reserve = Réserve
web-settings-overdraft = Découvert de { $account }
web-settings-not-an-amount = « { $typed } » n'est pas un montant : écrivez-le comme 100,00, ou 0 pour aucun.
web-audit-sentence = { $who } { $did }
web-audit-sentence-case = { $who } { $did } — { $case }
web-audit-nobody = Une personne non connectée
web-audit-pages = des pages de l'office
web-audit-refused = refusé
web-audit-older = Enregistrements plus anciens
web-audit-kind-all-but-reads = tout sauf les lectures
web-audit-reads-heading = Qui a lu quoi
web-audit-reads = { $count ->
    [one] { $who } a lu { $case } une fois le { $day }
   *[other] { $who } a lu { $case } { $count } fois le { $day }
}
web-audit-kind-read = lectures
web-audit-kind-change = modifications
web-audit-kind-denied = refus
web-audit-kind-sign_in = connexions
web-audit-kind-sign_in_refused = connexions refusées
web-audit-kind-sign_out = déconnexions
web-audit-did-signed-in = s'est connecté(e)
web-audit-did-sign-in-refused = a été refusé(e) à la connexion
web-audit-did-signed-out = s'est déconnecté(e)
web-audit-did-was-refused = a été refusé(e) ({ $route })
web-audit-did-read-case = a lu le dossier
web-audit-did-read-page = a lu { $route }
web-audit-did-changed = a modifié { $route }
web-audit-did-filed = a déposé un compte au tribunal
web-audit-did-reviewed = a examiné le compte déposé { $record }
web-audit-did-imported = a importé un fichier bancaire
web-audit-did-decided-import = a décidé d'un fichier bancaire en attente
web-audit-did-undid-import = a annulé l'import { $record }
web-audit-did-categorised = a classé des lignes en attente
web-audit-did-posted-entry = a saisi une écriture à la main
web-audit-did-reversed-entry = a contre-passé l'écriture { $record }
web-audit-did-attached-receipt = a joint un justificatif à l'écriture { $record }
web-audit-did-changed-rule = a modifié la règle { $record }
web-audit-did-prepared-run = a préparé un lot de paiement
web-audit-did-approved-run = a approuvé le lot de paiement { $record }
web-audit-did-cancelled-run = a annulé le lot de paiement { $record }
web-audit-did-changed-payments = a modifié des créanciers, échéanciers ou dettes
web-audit-did-added-user = a ajouté un utilisateur
web-audit-did-assigned-case = a confié un dossier à l'utilisateur { $record }
web-audit-did-withdrew-case = a retiré un dossier à l'utilisateur { $record }
web-audit-did-changed-user = a modifié l'utilisateur { $record }
web-audit-did-changed-settings = a modifié les réglages de paiement
web-audit-did-changed-password = a changé son mot de passe
web-audit-did-changed-language = a changé sa langue
web-statement-back = Retour à mon argent
web-portal-so-far = { $month } (jusqu'au { $date })
web-statement-pdf = Ce relevé en PDF
web-filing = Compte pour le tribunal
web-filing-back = Retour
web-filing-open-pdf = Ouvrir le compte (PDF)
web-filing-entries = Écritures et justificatifs
web-filing-receipt-number = Pièce n°
web-filing-receipts = Justificatifs
web-filing-receipt-missing = sans justificatif, au-dessus du seuil du juge
web-court-open = Ouvrir le compte et ses justificatifs
web-court-filter = Afficher
web-court-show-to-review = à examiner
web-court-show-reviewed = examinés
web-court-show-all = tous
web-court-search = Numéro de dossier ou nom
web-court-find = Chercher
web-court-reviewed = Votre examen du compte a été enregistré.
web-court-none-found = Aucun compte déposé ne correspond.
web-court-none-to-review = Aucun compte n'attend votre examen.
web-admin-reads-money-of = lit l'argent de
web-admin-new-password = Donner un nouveau mot de passe
web-admin-new-password-for = Nouveau mot de passe pour { $login }
web-admin-set-password = Enregistrer
web-admin-no-beneficiary = — pas l'accès d'un bénéficiaire —
web-admin-done-added = L'utilisateur a été ajouté.
web-admin-done-password = Le nouveau mot de passe est enregistré ; les sessions de l'utilisateur sont fermées. Donnez-lui le mot de passe en personne.
web-admin-done-assigned = Le dossier a été confié.
web-admin-done-withdrawn = Le dossier a été retiré.
web-admin-done-disabled = L'utilisateur a été désactivé ; ses sessions sont fermées.
web-admin-done-enabled = L'utilisateur a été réactivé.
web-case-suggested = proposé d'après les lignes précédentes ou une règle
web-todo-court-remarks = { $count ->
    [one] Le tribunal a fait des remarques sur le dernier compte
   *[other] Le tribunal a fait des remarques sur le dernier compte
}
web-hold-insufficient_funds = pas assez d'argent : { $available } restent sur le compte
web-hold-behind_unpaid = pas assez d'argent : un paiement avant lui n'a pas pu être fait
web-hold-awaiting_authorisation = attend l'autorisation du juge
web-hold-no_account = le dossier n'a pas de compte ouvert d'où payer ou sur lequel comptabiliser
web-schedule-stop = Arrêter ces paiements
web-schedule-start = Les reprendre
web-schedule-done-stopped = Les paiements sont arrêtés : aucun lot ne les prévoit avant leur reprise.
web-schedule-done-started = Les paiements ont repris : le prochain lot les prévoit.
web-payments-run-changed = Ce lot n'est pas celui que votre page montrait (il a changé ou a été annulé depuis) : rien n'a été approuvé. Rouvrez le lot et regardez-le avant de l'approuver.
