# Le relevé mensuel de la personne : des mots simples, pour celle dont c'est l'argent.
statement-title = Votre argent
statement-in = L'argent qui est entré
statement-nothing-in = Aucun argent n'est entré ce mois-ci.
statement-out = L'argent qui est sorti
statement-nothing-out = Aucun argent n'est sorti ce mois-ci.
statement-chart-title = Où est allé l'argent
statement-chart-description = Graphique en barres de l'argent sorti, par type de dépense. La plus grande part :
statement-left = Ce qui reste
statement-start = Au début du mois, vous aviez
statement-end = À la fin du mois, vous avez
statement-coming = Les paiements du mois prochain
statement-nothing-coming = Aucun paiement n'est prévu le mois prochain.
statement-pocket-money = argent de poche
statement-budget = Votre budget prévu et ce qui s'est passé
column-payee = Payé à
