# As páginas da aplicação web.
web-skip = Ir para o conteúdo
web-sign-in = Entrar
web-login = Utilizador
web-password = Palavra-passe
web-refused = O utilizador ou a palavra-passe está errado.
web-throttled = Demasiadas tentativas falhadas para este utilizador ou a partir deste endereço: espere 15 minutos e tente de novo.
web-busy = O servidor está a verificar muitas palavras-passe ao mesmo tempo: tente de novo daqui a pouco.
web-server-full = O gestio está a responder a todas as ligações que pode: tente de novo daqui a pouco.
web-signed-in-as = Sessão iniciada como
web-sign-out = Sair
web-caseload = Beneficiários
web-caseload-heading = Os beneficiários e o dinheiro que têm
web-caseload-empty = Ainda não lhe foi atribuído nenhum processo.
web-caseload-caption = O dinheiro é a soma das contas bancárias e da caixa.
web-column-name = Nome
web-column-language = Língua
web-column-mandate = Medida
web-column-case = Número do processo
web-column-book = Livro
web-column-money = Dinheiro
web-column-next-account = Próxima conta ao tribunal
web-column-period = Período
web-column-filed-on = Entregue em
web-column-review = Apreciação do tribunal
web-column-documents = Documentos
web-portal = A sua conta
web-portal-statements = Os seus extratos mensais
web-portal-filed = Contas enviadas ao tribunal
web-portal-none-filed = Ainda não foi enviada nenhuma conta ao tribunal.
web-court = Contas entregues ao tribunal
web-court-none = Ainda não foi entregue nenhuma conta ao seu tribunal.
web-review-none = Ainda não apreciada
web-review-approved = Aprovada
web-review-remarks = Observações
web-review-approve = Aprovar esta conta
web-review-remarks-label = Observações para o tutor
web-review-send-remarks = Enviar as observações
web-download-pdf = A conta (PDF)
web-download-bundle = A conta com os comprovativos (zip)
web-audit = Registo de auditoria
web-audit-search = Procurar
web-audit-user = Pessoa
web-audit-kind = O quê
web-audit-any = tudo
web-column-when = Quando
web-column-who = Quem
web-column-what = O quê
web-column-route = Pedido
web-column-status = Resposta
web-audit-empty = Nada encontrado.
web-case-accounts = Contas e saldos
web-case-suspense = Linhas por classificar
web-case-suspense-none = Todas as linhas importadas estão classificadas.
web-case-move-to = Lançar em
web-case-make-rule = e fazer disso uma regra
web-case-categorise = Classificar
web-case-entries = Lançamentos
web-case-from = De
web-case-to = Até
web-case-file = Entregar a conta ao tribunal
web-column-code = Código
web-column-balance = Saldo
web-column-date = Data
web-column-description = Descrição
web-column-postings = Movimentos
web-import = Importar extratos bancários
web-import-files = Ficheiros de extratos (camt.052, camt.053, camt.054, ou exportação CSV do banco)
web-import-send = Importar
web-import-nothing = Escolha pelo menos um ficheiro para importar.
web-import-refused = Este ficheiro não foi importado, nada dele foi guardado:
web-import-statement = Extrato
web-import-new = Linhas lançadas agora
web-import-already = Já lançadas
web-import-by-rule = Classificadas por uma regra
web-payments = Pagamentos
web-payments-prepare = Preparar um lote de pagamentos
web-payments-date = Data de execução
web-payments-book = Da conta de
web-payments-whole-office = todo o serviço
web-payments-prepare-button = Preparar
web-payments-runs = Lotes recentes
web-payments-no-runs = Ainda não há lotes.
web-payments-run = Lote de pagamentos
web-payments-state = Estado
web-payments-prepared-by = Preparado por
web-payments-approve = Aprovar e escrever os ficheiros
web-payments-orders = Ordens
web-payments-held = Retidos por falta de dinheiro
web-payments-reason = Motivo
web-payments-files = Ficheiros para o banco
web-admin-users = Utilizadores
web-admin-role = Função
web-admin-actions = Ações
web-admin-disabled = desativado
web-admin-assign = Atribuir um livro
web-admin-assign-button = Atribuir
web-admin-withdraw = Retirar
web-admin-enable = Reativar
web-admin-disable = Desativar
web-admin-add = Adicionar um utilizador
web-admin-beneficiary = Número do beneficiário (só beneficiários)
web-case-filter = Mostrar estas datas
web-entry = Lançamento
web-entry-back = Voltar ao processo
web-entry-source = Origem
web-entry-reference = Referência
web-entry-receipt = Número do comprovativo
web-entry-author = Registado por
web-entry-reverses = Anula
web-entry-reversed-by = Anulado por
web-entry-evidence = Comprovativos
web-entry-no-evidence = Nenhum comprovativo está anexado a este lançamento.
web-entry-attach-files = Comprovativos a anexar (PDF, JPEG ou PNG)
web-entry-attach = Anexar
web-entry-no-file = Escolha pelo menos um ficheiro para anexar.
web-entry-reverse-heading = Anular este lançamento
web-entry-reverse-help = Um lançamento nunca é alterado. Anulá-lo regista o seu inverso na data indicada, de modo que os dois se compensam; depois registe o lançamento correto.
web-entry-reversal-date = Data da anulação
web-entry-reversal-reason = Motivo
web-entry-reverse = Anular
web-source-opening = Saldos de abertura
web-source-import = Extrato bancário
web-source-payment = Pagamento
web-source-manual = Registado à mão
web-source-reversal = Anulação
web-source-adjustment = Correção de um período entregue
web-case-payments = Pagamentos, planos e dívidas
web-schedules = Pagamentos programados
web-schedules-none = Nenhum pagamento está programado para este processo.
web-column-creditor = Credor
web-column-rhythm = Frequência
web-column-until = Até
web-column-priority = Prioridade
web-debts = Dívidas e planos de pagamento
web-debts-none = Nenhuma dívida está registada para este processo.
web-column-owed = Em dívida
web-column-repaid = Pago
web-column-remaining = Ainda em dívida
web-column-on-the-way = Ordenado, ainda não no extrato
web-column-plan = Plano
web-schedule-add = Programar um pagamento
web-schedule-needs-creditor = Adicione primeiro o credor, abaixo.
web-schedule-day = Dia (1–31, last, ou mon…sun)
web-schedule-instalments = Número de pagamentos
web-schedule-until-repaid = até a dívida estar paga
web-schedule-creditor-default = a conta habitual do credor
web-schedule-needs-judge = o juiz tem de o autorizar primeiro
web-schedule-stopped = Parado
web-schedule-awaits-judge = À espera da autorização do juiz
web-schedule-active = Ativo
web-creditor-add = Adicionar um credor
web-creditor-street = Rua e número
web-creditor-postcode = Código postal
web-creditor-town = Localidade
web-creditor-country = País (duas letras)
web-creditor-remittance = Referência para o credor
web-debt-add = Registar uma dívida
web-every-once = uma vez
web-every-weekly = todas as semanas
web-every-monthly = todos os meses
web-every-quarterly = todos os trimestres
web-every-yearly = todos os anos
web-day-last = último dia
web-entry-already-attached = Um destes ficheiros já está anexado a este lançamento; nada foi adicionado.
web-caseload-assumed = presumido, o tribunal não o fixou
web-column-to-do = A fazer
web-todo-gaps = { $count ->
    [one] 1 lacuna entre extratos
   *[other] { $count } lacunas entre extratos
}
web-todo-categorise = { $count ->
    [one] 1 linha por classificar
   *[other] { $count } linhas por classificar
}
web-todo-held = { $count ->
    [one] 1 pagamento retido
   *[other] { $count } pagamentos retidos
}
web-todo-on-the-way = { $count ->
    [one] 1 ordem ainda não no extrato
   *[other] { $count } ordens ainda não no extrato
}
web-caseload-due = a entregar até
web-profile = As suas definições
web-profile-home = Voltar à página inicial
web-profile-language = Língua
web-profile-language-label = Mostrar as páginas em
web-profile-browser = a língua do navegador
web-profile-save = Guardar
web-profile-password = Palavra-passe
web-profile-password-help = Depois da mudança, todas as sessões com a palavra-passe antiga terminam, também esta: entre de novo com a nova.
web-profile-current = Palavra-passe atual
web-profile-new = Nova palavra-passe (pelo menos 12 caracteres)
web-profile-repeat = Nova palavra-passe outra vez
web-profile-change = Mudar a palavra-passe

# A new password refused as too easy to guess, and why.
password-weak = Esta palavra-passe é demasiado fácil de adivinhar: { $reason }. Use uma frase de três ou quatro palavras sem relação entre si.
password-weak-common = é uma palavra-passe comum, ou quase
password-weak-keyboard = segue as teclas do teclado
password-weak-repeats = repete os mesmos caracteres
password-weak-sequence = contém uma sequência como abc ou 6543
password-weak-date = contém uma data ou um ano recente
password-weak-word = é uma só palavra ou um nome
password-weak-other = contém pouco que seja difícil de adivinhar

# Roles, as people read them.
role-administrator = Administrador da instância
role-supervisor = Responsável
role-counsellor = Conselheiro ou conselheira
role-beneficiary = Beneficiário
role-court = Tribunal
web-admin-court-staff-elsewhere = O pessoal dos tribunais é adicionado pelo administrador da instância, com o seu tribunal: um gabinete não o pode adicionar.

# The administrator's courts page.
web-courts = Tribunais
web-courts-intro = Os tribunais a que os gabinetes desta instância prestam contas das medidas, e o seu pessoal. O pessoal de um tribunal só lê as contas apresentadas ao seu próprio tribunal.
web-courts-recorded = Tribunais registados
web-courts-none = Ainda não há nenhum tribunal registado.
web-court-name = Nome, como nas sentenças
web-court-jurisdiction = Apresentação das suas contas
web-court-address = Morada
web-court-staff = Pessoal
web-court-staff-none = Ninguém por enquanto.
web-court-staff-add = Adicionar um membro do pessoal
web-court-add = Registar um tribunal
jurisdiction-lu = Luxemburgo
jurisdiction-fr = França
jurisdiction-de = Alemanha
jurisdiction-generic = Outro (apresentação genérica)
web-menu = Menu
web-menu-my-money = O meu dinheiro
web-menu-filed-accounts = Contas entregues
web-menu-courts = Tribunais
error-page-back = Voltar à página anterior
error-page-start = Página inicial
error-page-sign-in = Entrar
error-page-reference = Referência para o administrador:
error-page-title-400 = O pedido não pôde ser lido
error-page-help-400 = Algo no endereço ou no formulário não estava como esperado. Volte atrás e tente de novo.
error-page-title-401 = Não tem sessão iniciada
error-page-help-401 = A sua sessão terminou ou saiu. Entre de novo; o que escreveu não foi guardado.
error-page-title-403 = Não permitido
error-page-help-403 = A sua função pode ver esta página mas não fazer isto, ou o formulário era demasiado antigo. Volte atrás, recarregue a página e tente de novo.
error-page-title-404 = Página não encontrada
error-page-help-404 = Esta página não existe, ou não a pode ver. Verifique o endereço ou recomece a partir da sua página inicial.
error-page-title-405 = Não é possível aqui
error-page-help-405 = Este endereço não se usa assim. Recomece a partir da sua página inicial.
error-page-title-408 = Demorou demasiado
error-page-help-408 = O servidor parou o trabalho após 30 segundos; nada foi guardado. Peça menos (um período mais curto) ou tente mais tarde.
error-page-title-409 = Em conflito com o que está registado
error-page-help-409 = Já estava feito, ou algo de que depende mudou. Nada foi alterado: leia a mensagem abaixo e recarregue a página.
error-page-title-413 = O ficheiro é demasiado grande
error-page-help-413 = Nada foi guardado. Envie um ficheiro mais pequeno, ou divida-o.
error-page-title-422 = Isto foi recusado
error-page-help-422 = Nada foi guardado. A mensagem abaixo diz o que estava errado: volte atrás, corrija e envie de novo.
error-page-title-429 = Demasiadas tentativas
error-page-help-429 = Espere um momento (para palavras-passe, 15 minutos) e tente de novo.
error-page-title-500 = Ocorreu um erro no servidor
error-page-help-500 = O que pediu não foi feito. O erro foi registado: se voltar a acontecer, informe o seu administrador e dê-lhe a referência abaixo.
error-page-title-503 = O servidor está ocupado
error-page-help-503 = Nada foi guardado. Tente de novo dentro de momentos.
web-case-menu = Secções do processo
web-case-choose-category = — escolher uma categoria —
web-court-panel = Contas para o tribunal e extratos
web-court-panel-filed = A conta foi entregue e o seu período bloqueado. O tribunal pode lê-la agora; a sua apreciação aparecerá abaixo.
web-court-period = O período da conta
web-court-show = Mostrar a conta
web-court-preset-due = A próxima conta devida
web-court-preset-month = O mês passado
web-court-preset-year = O ano passado
web-court-preview = A conta, antes de ser entregue
web-court-opening = No início
web-court-in = Entradas
web-court-out = Saídas
web-court-closing = No fim
web-court-downloads = Descarregar:
web-court-checks = Verificações
web-court-no-warnings = A conta bate certo, concorda com o banco e não falta nenhum recibo.
web-court-warning-bank = Conta { $account }: os livros e o extrato do banco diferem em { $difference } no fim do período.
web-court-warning-no-statement = Conta { $account }: nenhum extrato bancário termina no período, por isso o saldo não está verificado.
web-court-warning-waiting = Linhas bancárias de { $amount } ainda esperam uma categoria: a conta mostrá-las-á como ainda não organizadas.
web-court-warning-receipts = { $count ->
    [one] 1 pagamento acima do limite não tem recibo anexado.
   *[other] { $count } pagamentos acima do limite não têm recibo anexado.
}
web-court-warning-opening = { $count ->
    [one] 1 conta abre com outro montante do que aquele com que a conta entregue anterior fechou.
   *[other] { $count } contas abrem com outros montantes do que aqueles com que a conta entregue anterior fechou.
}
web-court-warning-gaps = { $count ->
    [one] 1 intervalo entre extratos bancários não está explicado.
   *[other] { $count } intervalos entre extratos bancários não estão explicados.
}
web-court-warning-adds-up = A conta não bate certo: abertura, entradas e saídas não dão o fecho.
web-court-file-help = Entregar envia esta conta ao tribunal e bloqueia o seu período: os movimentos nele só poderão ser corrigidos por ajustes num período posterior.
web-court-confirm = { $count ->
    [one] Li o aviso acima e entrego a conta tal como está.
   *[other] Li os { $count } avisos acima e entrego a conta tal como está.
}
web-court-confirm-needed = Nada foi entregue: confirme que leu os avisos (podem ter mudado desde que a página foi mostrada; leia-os de novo).
web-court-statements = Extratos mensais para a pessoa
web-case-search = Procurar
web-case-amount = Montante
web-case-direction = Sentido
web-case-direction-both = Entradas e saídas
web-case-direction-in = Entradas
web-case-direction-out = Saídas
web-case-pick = Escolher
web-case-bulk-to = Mover as linhas escolhidas para
web-case-bulk = Mover as linhas escolhidas
web-case-previous = 50 anteriores
web-case-next = 50 seguintes
web-case-waiting-range = Linhas { $first }–{ $last } de { $total }
web-case-moved = { $count ->
    [one] 1 linha foi colocada na sua conta.
   *[other] { $count } linhas foram colocadas na sua conta.
}
web-case-choose-first = Escolha primeiro a conta para onde mover a linha: nada foi movido.
web-case-pick-first = Escolha primeiro as linhas a mover: nada foi movido.
web-case-find = Encontrar
web-case-no-match = Nenhuma linha em espera corresponde a esta pesquisa.
web-case-accounts-all = { $count ->
    [one] Mostrar mais 1 conta, a zero
   *[other] Mostrar mais { $count } contas, a zero
}
web-case-accounts-fewer = Ocultar as contas a zero
web-case-newer = Movimentos mais recentes
web-case-older = Movimentos mais antigos
web-review-history = Apreciações até agora
web-review-confirm = Li esta conta e os seus recibos; registar a minha apreciação (fica guardada para sempre).
web-review-confirm-needed = Nada foi registado: confirme que leu a conta antes de a aprovar ou enviar observações.
web-caseload-runs-waiting = { $count ->
    [one] 1 lote de pagamentos espera a sua aprovação
   *[other] { $count } lotes de pagamentos esperam a sua aprovação
}

web-import-dropped = O ficheiro não foi importado; nada dele foi guardado.
web-import-booked = O ficheiro foi importado.
web-import-matched = Já lançadas à mão
web-import-waiting = Antes de lançar este ficheiro, compare o que ele diz com a contabilidade; depois lance-o ou deixe-o.
web-import-opening-differs = O extrato começa a { $date } com { $statement }; a contabilidade tem { $book } nesse dia (diferença { $difference }). Pode faltar um extrato, ou um lançamento feito à mão pode estar errado. Lance-o só com um motivo, ou deixe-o e verifique primeiro a contabilidade.
web-import-matches-intro = Estas linhas parecem lançamentos já feitos à mão (mesmo montante, no máximo 3 dias de diferença). Uma linha marcada é lançada por esse lançamento, não uma segunda vez.
web-import-match = O mesmo dinheiro?
web-import-line = Linha bancária
web-import-hand-entry = Lançamento feito à mão
web-import-same-money = Já lançada por este lançamento
web-import-new-lines = { $count ->
    [one] 1 linha nova
   *[other] { $count } linhas novas
}
web-import-reason = Motivo (facultativo)
web-import-reason-required = Porquê lançá-lo apesar da diferença de saldo (obrigatório)
web-import-reason-needed = Diga porque o ficheiro deve ser lançado apesar de o saldo inicial diferir da contabilidade, ou deixe-o.
web-import-book = Lançar
web-import-drop = Não importar
web-import-another = Importar um ficheiro
web-import-account = Conta bancária (para um ficheiro CSV sem IBAN; o formato do banco fica memorizado)
web-import-account-from-file = Encontrada no ficheiro
web-import-profile = Formato do banco
web-import-profile-camt = ISO 20022 camt (XML), encontrado no ficheiro
web-import-profile-bcee = BCEE (CSV)
web-import-profile-sparkasse = Sparkasse (CSV)
web-import-profile-banque-postale = La Banque Postale (CSV)
web-import-profile-swedbank = Swedbank (CSV)
web-imports = Ficheiros importados
web-imports-undone = { $count ->
    [one] A importação foi anulada: 1 lançamento estornado. O ficheiro pode ser importado de novo.
   *[other] A importação foi anulada: { $count } lançamentos estornados. O ficheiro pode ser importado de novo.
}
web-imports-undone-on = Anulada a { $date } por { $person }
web-imports-into = Importar um extrato para { $account }
web-imports-none = Ainda nenhum ficheiro foi importado para este processo.
web-imports-imported = Importado
web-imports-file = Ficheiro
web-imports-period = Período
web-imports-lines = Linhas
web-imports-state = Estado
web-imports-reason = Lançado com o motivo:
web-imports-standing = Na contabilidade
web-imports-confirm = Quero anular esta importação: os lançamentos são estornados e as linhas saem da contabilidade.
web-imports-confirm-first = Marque a caixa para confirmar que esta importação deve ser anulada.
web-imports-undo = Anular a importação
web-case-imports = Importações
web-case-reopened = A classificação foi anulada: a linha volta a esperar aqui, para ser lançada na conta certa.
web-entry-undo-categorisation-heading = Anular a classificação
web-entry-undo-categorisation-help = O dinheiro volta às linhas por classificar, onde a linha espera de novo ser lançada na conta certa. Nada é apagado: um lançamento regista a anulação.
web-entry-undo-categorisation = Anular a classificação
web-rules = Regras
web-rules-help = Uma regra lança por si, na importação, as linhas do banco que reconhece numa conta. São experimentadas por esta ordem; a primeira que corresponde decide.
web-rules-none = Ainda nenhuma regra se aplica a este processo. Marque «e fazer dela uma regra» ao classificar uma linha.
web-rules-waiting = { $count ->
    [one] 1 linha espera ser classificada
   *[other] { $count } linhas esperam ser classificadas
}
web-rules-scope = Aplica-se a
web-rules-for-case = este processo
web-rules-for-office = todos os processos do serviço
web-rules-looks-for = Procura
web-rules-books-to = Lança em
web-rules-matches = Linhas em espera que reconhece agora
web-rules-no-target = nenhuma conta deste processo
web-rules-is-off = desativada
web-rules-priority = Ordem (a menor primeiro)
web-rules-save = Guardar
web-rules-switch-off = Desativar
web-rules-switch-on = Ativar
web-rules-confirm = Quero apagar esta regra (as linhas que lançou ficam como estão)
web-rules-delete = Apagar a regra
web-rules-confirm-first = Marque a caixa para confirmar que a regra deve ser apagada.
web-rules-priority-number = Escreva a ordem como número inteiro, por exemplo 100.
web-rules-apply = { $count ->
    [one] Lançar a linha em espera que reconhece
   *[other] Lançar as { $count } linhas em espera que reconhece
}
web-rules-applied = { $count ->
    [one] 1 linha em espera foi lançada pela regra.
   *[other] { $count } linhas em espera foram lançadas pela regra.
}
web-rules-off = A regra foi desativada: não lança nada até ser ativada.
web-rules-on = A regra foi ativada.
web-rules-changed = A regra foi guardada.
web-rules-deleted = A regra foi apagada.
web-rules-if-iban = IBAN é { $value }
web-rules-if-name = o nome contém «{ $value }»
web-rules-if-remittance = a mensagem contém «{ $value }»
web-rules-if-pattern = a mensagem corresponde a { $value }
web-rules-if-bank-code = o código bancário começa por { $value }
web-rules-if-at-least = pelo menos { $value }
web-rules-if-at-most = no máximo { $value }
web-rules-if-in = dinheiro recebido
web-rules-if-out = dinheiro saído
web-case-rules = Regras
web-case-rule-made = Foi feita uma regra: aplique-a às outras linhas em espera.
web-new-entry = Um novo lançamento
web-new-entry-help = Para dinheiro que o banco não mostra (numerário, uma prestação paga a terceiros) ou para corrigir algo: um montante de uma conta para outra. O comprovativo junta-se na página seguinte.
web-new-entry-description = O que aconteceu
web-new-entry-amount = Montante
web-new-entry-from = De (de onde vem o dinheiro)
web-new-entry-to = Para (para onde vai o dinheiro)
web-new-entry-choose = — escolha uma conta —
web-new-entry-receipt = Número do comprovativo (facultativo)
web-new-entry-adjustment = Corrigir um período já entregue ao tribunal
web-new-entry-adjustment-help = A contabilidade está entregue até { $through }. Uma correção desse período é datada depois e indica o lançamento entregue que corrige; a conta seguinte mostra-a como correção.
web-new-entry-corrects = Número do lançamento entregue que corrige (vazio para um lançamento comum)
web-new-entry-post = Registar o lançamento
web-new-entry-date-needed = Indique a data com dia, mês e ano.
web-new-entry-description-needed = Diga em poucas palavras o que aconteceu.
web-new-entry-amount-needed = Indique o montante.
web-new-entry-accounts-needed = Escolha de onde vem o dinheiro e para onde vai.
web-new-entry-accounts-differ = O dinheiro tem de ir de uma conta para outra: escolha duas contas diferentes.
web-new-entry-corrects-number = Indique o número do lançamento entregue, por exemplo 12.
web-entry-posted = O lançamento foi registado. Junte o comprovativo abaixo.
web-entry-correct = Corrigir este lançamento de um período entregue
web-case-new-entry = Um novo lançamento
web-case-signs-accounting = Mostrar os sinais contabilísticos (débitos +, créditos −)
web-case-signs-people = Mostrar os montantes como se leem (receitas e dívidas em positivo)
web-case-sum-unread = Escreva um montante, por exemplo 780,00.
web-case-entries-account = Conta
web-case-entries-any-account = qualquer conta
web-column-money-moved = De → para · montante
web-run-state-prepared = à espera de aprovação
web-run-state-approved = aprovado, ficheiros escritos
web-order-state-planned = previsto
web-order-state-exported = enviado ao banco
web-order-state-executed = pago
web-order-state-returned = devolvido pelo banco
web-payments-approved-by = Aprovado por
web-payments-total = Total
web-payments-payee = Pago a
web-payments-paying = Contas pagadoras
web-payments-paying-total = Este lote
web-payments-paying-balance = Saldo atual
web-payments-paying-after = Resta depois
web-payments-cancel = Anular o lote
web-payments-cancel-confirm = Quero anular este lote: os pagamentos não são feitos, e o próximo lote prevê-os de novo.
web-payments-cancel-confirm-first = Marque a caixa para confirmar que o lote deve ser anulado.
web-payments-cancelled = O lote foi anulado; os pagamentos serão previstos de novo pelo próximo lote.
web-settings = Definições
web-settings-saved = As definições foram guardadas.
web-settings-four-eyes = Lotes de pagamento
web-settings-four-eyes-help = Uma segunda pessoa aprova cada lote de pagamento antes de os ficheiros serem escritos (quatro olhos)
web-settings-cases = Reservas e descobertos
web-settings-cases-help = Os pagamentos de um processo deixam a sua reserva nas contas; uma conta bancária pode ir até ao seu descoberto para pagar.
web-settings-reserve = Reserva
web-settings-overdraft = Descoberto de { $account }
web-settings-not-an-amount = «{ $typed }» não é um montante: escreva-o como 100,00, ou 0 para nenhum.
web-audit-sentence = { $who } { $did }
web-audit-sentence-case = { $who } { $did } — { $case }
web-audit-nobody = Alguém sem sessão iniciada
web-audit-pages = páginas do serviço
web-audit-refused = recusado
web-audit-older = Registos mais antigos
web-audit-kind-all-but-reads = tudo menos leituras
web-audit-reads-heading = Quem leu o quê
web-audit-reads = { $count ->
    [one] { $who } leu { $case } uma vez a { $day }
   *[other] { $who } leu { $case } { $count } vezes a { $day }
}
web-audit-kind-read = leituras
web-audit-kind-change = alterações
web-audit-kind-denied = recusas
web-audit-kind-sign_in = entradas
web-audit-kind-sign_in_refused = entradas recusadas
web-audit-kind-sign_out = saídas
web-audit-did-signed-in = entrou
web-audit-did-sign-in-refused = foi recusado(a) à entrada
web-audit-did-signed-out = saiu
web-audit-did-was-refused = foi recusado(a) ({ $route })
web-audit-did-read-case = leu o processo
web-audit-did-read-page = leu { $route }
web-audit-did-changed = alterou { $route }
web-audit-did-filed = entregou uma conta ao tribunal
web-audit-did-reviewed = examinou a conta entregue { $record }
web-audit-did-imported = importou um ficheiro bancário
web-audit-did-decided-import = decidiu sobre um ficheiro bancário em espera
web-audit-did-undid-import = anulou a importação { $record }
web-audit-did-categorised = classificou linhas em espera
web-audit-did-posted-entry = registou um lançamento à mão
web-audit-did-reversed-entry = estornou o lançamento { $record }
web-audit-did-attached-receipt = juntou um comprovativo ao lançamento { $record }
web-audit-did-changed-rule = alterou a regra { $record }
web-audit-did-prepared-run = preparou um lote de pagamento
web-audit-did-approved-run = aprovou o lote de pagamento { $record }
web-audit-did-cancelled-run = anulou o lote de pagamento { $record }
web-audit-did-changed-payments = alterou credores, prestações ou dívidas
web-audit-did-added-user = acrescentou um utilizador
web-audit-did-assigned-case = atribuiu um processo ao utilizador { $record }
web-audit-did-withdrew-case = retirou um processo ao utilizador { $record }
web-audit-did-changed-user = alterou o utilizador { $record }
web-audit-did-changed-settings = alterou as definições de pagamento
web-audit-did-changed-password = mudou a sua palavra-passe
web-audit-did-changed-language = mudou a sua língua
web-statement-back = Voltar ao meu dinheiro
web-portal-so-far = { $month } (até { $date })
web-statement-pdf = Este extrato em PDF
web-filing = Conta para o tribunal
web-filing-back = Voltar
web-filing-open-pdf = Abrir a conta (PDF)
web-filing-entries = Lançamentos e comprovativos
web-filing-receipt-number = Comprovativo n.º
web-filing-receipts = Comprovativos
web-filing-receipt-missing = sem comprovativo, acima do limite do juiz
web-court-open = Abrir a conta e os comprovativos
web-court-filter = Mostrar
web-court-show-to-review = por examinar
web-court-show-reviewed = examinadas
web-court-show-all = todas
web-court-search = Número do processo ou nome
web-court-find = Procurar
web-court-reviewed = O seu exame da conta foi registado.
web-court-none-found = Nenhuma conta entregue corresponde.
web-court-none-to-review = Nenhuma conta espera o seu exame.
web-admin-reads-money-of = lê o dinheiro de
web-admin-new-password = Dar uma nova palavra-passe
web-admin-new-password-for = Nova palavra-passe para { $login }
web-admin-set-password = Guardar
web-admin-no-beneficiary = — não é o acesso de um beneficiário —
web-admin-done-added = O utilizador foi acrescentado.
web-admin-done-password = A nova palavra-passe foi guardada; as sessões do utilizador terminaram. Diga-lhe a palavra-passe pessoalmente.
web-admin-done-assigned = O processo foi atribuído.
web-admin-done-withdrawn = O processo foi retirado.
web-admin-done-disabled = O utilizador foi desativado; as sessões terminaram.
web-admin-done-enabled = O utilizador foi reativado.
web-case-suggested = sugerido pelas linhas anteriores ou por uma regra
web-todo-court-remarks = { $count ->
    [one] O tribunal fez observações sobre a última conta
   *[other] O tribunal fez observações sobre a última conta
}
web-hold-insufficient_funds = dinheiro insuficiente: restam { $available } na conta
web-hold-behind_unpaid = dinheiro insuficiente: um pagamento anterior não pôde ser feito
web-hold-awaiting_authorisation = espera a autorização do juiz
web-hold-no_account = o processo não tem conta aberta de onde pagar ou onde lançar
web-schedule-stop = Parar estes pagamentos
web-schedule-start = Retomá-los
web-schedule-done-stopped = Os pagamentos foram parados: nenhum lote os prevê até serem retomados.
web-schedule-done-started = Os pagamentos foram retomados: o próximo lote prevê-os.
web-payments-run-changed = Este lote não é o que a sua página mostrava (mudou ou foi anulado entretanto): nada foi aprovado. Abra o lote de novo e veja-o antes de o aprovar.
