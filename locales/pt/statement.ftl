# O extrato mensal da pessoa: palavras simples, para quem o dinheiro pertence.
statement-title = O seu dinheiro
statement-in = Dinheiro que entrou
statement-nothing-in = Não entrou dinheiro este mês.
statement-out = Dinheiro que saiu
statement-nothing-out = Não saiu dinheiro este mês.
statement-chart-title = Para onde foi o dinheiro
statement-chart-description = Gráfico de barras do dinheiro que saiu, por tipo de despesa. A maior parte:
statement-left = O que resta
statement-start = No início do mês tinha
statement-end = No fim do mês tem
statement-coming = Pagamentos do próximo mês
statement-nothing-coming = Não há pagamentos previstos para o próximo mês.
statement-pocket-money = dinheiro de bolso
statement-budget = O seu orçamento previsto e o que aconteceu
column-payee = Pago a
