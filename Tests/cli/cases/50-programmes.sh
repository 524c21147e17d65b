# Landlords, programmes and conventions: import of the brief's table, summary, idempotence,
# dry run, strict mode, conventions review, check.
FIXTURE=""
for d in data/demo ../shared/domain/fixtures; do
  [ -f "$d/programmes-construction-2020-2023.csv" ] && { FIXTURE="$d/programmes-construction-2020-2023.csv"; break; }
done
# pycheck NAME PYTHON_CODE : runs the code with `d` = the JSON document opening $out (a French
# message on stderr may follow it).
pycheck() { local r; r=$(/usr/bin/python3 -c "import json,sys; d=json.JSONDecoder().raw_decode(sys.stdin.read())[0]; $2" <<<"$out" 2>&1)
  if [ $? = 0 ]; then ok "$1"; else fail "$1" "$r"; fi; }
P="$T/prog.sqlite"
expect "init cabbalr seeds landlords" 0 "$G" --database "$P" init --territory cabbalr
expect "landlords list --json" 0 "$G" --database "$P" landlords list --json
pycheck "landlords seeded from the profile, HLI stock flagged" \
  "l={x['id']:x for x in d}; assert len(d)>=12, len(d); assert l['habitat-logement-immobilier']['inconsistencies'], l['habitat-logement-immobilier']; assert not l['maisons-et-cites']['inconsistencies']"

if [ -z "$FIXTURE" ]; then
  echo "note programmes-construction-2020-2023.csv introuvable : tests d'import du tableau sautés"
else
  expect "dry run on a fresh database" 0 "$G" --database "$P" programmes import "$FIXTURE" --dry-run --json
  pycheck "dry run reports 43 to import" "assert d['dryRun'] and d['imported']==43 and d['unchanged']==0, d"
  expect "count after dry run" 0 "$G" --database "$P" programmes list --json
  pycheck "dry run stored nothing" "assert d['total']==0 and d['programmes']==[], d['total']"

  expect "import the fixture" 0 "$G" --database "$P" programmes import "$FIXTURE" --json
  pycheck "43 imported, no error" "assert (d['imported'],d['updated'],d['unchanged'],d['errors'])==(43,0,0,[]), d"
  pycheck "warnings carry line and column; accounting zeros are no warning" "w=[x for x in d['warnings'] if 'par logement' in x['message']]; assert w and all(x['line'] and x['column'] in ('E','F') for x in w) and not any('- €' in x['message'] for x in d['warnings']), d['warnings'][:2]"

  expect "summary --json" 0 "$G" --database "$P" programmes summary --json
  pycheck "summary per year = brief §6.1" "
b={2020:(151,89,0,240),2021:(92,43,3,138),2022:(268,156,48,472),2023:(224,110,46,380)}
got={y['year']:(y['plus'],y['plai'],y['pls'],y['total']) for y in d['years']}
assert got==b, got"
  pycheck "summary total = brief §6.1" "
t=d['total']; assert (t['programmes'],t['plus'],t['plai'],t['pls'],t['total'])==(43,735,398,97,1230), t
assert t['stateSubsidyCents']==269980000 and t['epciSubsidyCents']==140978000, t
assert round(t['plaiShareOfPlusPlaiBasisPoints']/100)==35 and round(t['plaiShareOfAllBasisPoints']/100)==32, t"
  pycheck "summary amounts are integer cents" "assert all(isinstance(y['stateSubsidyCents'],int) for y in d['years']+[d['total']])"

  expect "re-import" 0 "$G" --database "$P" programmes import "$FIXTURE" --json
  pycheck "re-import changes nothing" "assert (d['imported'],d['updated'],d['unchanged'])==(0,0,43), d"
  expect "re-import text" 0 "$G" --database "$P" programmes import "$FIXTURE"
  contains "re-import says unchanged" "43 inchangée(s)"

  { head -n 3 "$FIXTURE"; printf 'LILLERS;2024;rue inventée;BAILLEUR FANTÔME;1 000,00 €;;2;1;;3\r\n'; } > "$T/broken.csv"
  expect "strict import of a broken file fails" 1 "$G" --database "$P" programmes import "$T/broken.csv" --strict --json
  pycheck "strict failure names line 4, column D" "e=d['errors']; assert d['failed'] and e and e[0]['line']==4 and e[0]['column']=='D' and 'FANTÔME' in e[0]['message'], e"
  expect "list after strict failure" 0 "$G" --database "$P" programmes list --json
  pycheck "strict failure left the database unchanged" "assert d['total']==43 and not any(p['year']==2024 for p in d['programmes']), d['total']"
  expect "non-strict import keeps the row without landlord" 0 "$G" --database "$P" programmes import "$T/broken.csv" --dry-run --json
  pycheck "non-strict dry run: 1 new, 2 unchanged, an error reported" "assert (d['imported'],d['unchanged'],len(d['errors']))==(1,2,1), d"

  expect "list with filters" 0 "$G" --database "$P" programmes list --year 2022 --landlord CLESENCE --json
  pycheck "2022 Clésence programmes" "assert d['total']==2 and all(p['landlordId']=='clesence' and p['year']==2022 for p in d['programmes']), d"
  expect "commune facts" 0 "$G" --database "$P" communes set "Auchel" --population 10000 --social-share "43,5"
  expect "list Auchel" 0 "$G" --database "$P" programmes list --commune AUCHEL --json
  pycheck "Auchel over 40 % needs a derogation" "assert d['programmes'] and all(any(f['rule']=='derogation' for f in p['findings']) for p in d['programmes']), d"
  expect "bad social share" 64 "$G" --database "$P" communes set "Auchel" --social-share "beaucoup"
fi

expect "import CIA results" 0 "$G" --database "$P" conventions import-results data/territories/cabbalr/cia-results-2020-2023.json --json
pycheck "results import touches the ten landlords" "assert d['conventionsChanged']==10 and d['unresolvedNames']==[], d"
expect "import CIA results twice" 0 "$G" --database "$P" conventions import-results data/territories/cabbalr/cia-results-2020-2023.json --json
pycheck "second results import changes nothing" "assert d['conventionsChanged']==0, d"
expect "conventions review --json" 0 "$G" --database "$P" conventions review --landlord FOH --year 2023 --json
pycheck "Flandre Opale Habitat 2023 misses the 25 % priority target (7.75 %)" "
l=[x for x in d['lines'] if x['indicator']=='allocationPriorityExcludingTransfers']
assert len(l)==1 and l[0]['objective']==2500 and l[0]['result']==775 and l[0]['gap']==-1725 and l[0]['missed'], l"
expect "conventions review all" 0 "$G" --database "$P" conventions review --json
pycheck "review flags HLI stock, the CIA total row and agglomeration inconsistencies" "m=' '.join(x['message'] for x in d['inconsistencies']); assert '223' in m and 'Ligne total' in m and 'publié' in m and d['missed']>0, d['inconsistencies']"
expect "unknown landlord in review" 1 "$G" --database "$P" conventions review --landlord "Personne"
contains "unknown landlord said in French" "Bailleur inconnu"
expect "check after imports" 0 "$G" --database "$P" check --json
pycheck "check counts programmes and finds no problem" "assert d['ok'] and d['counts']['bailleurs']>=12, d"

D="$T/demo-programmes.sqlite"
expect "demo" 0 "$G" --database "$D" demo --size 0 "${DEMO[@]}" --json
expect "demo programmes" 0 "$G" --database "$D" programmes list --json
if [ -n "$FIXTURE" ]; then
  pycheck "demo holds the 43 fixture programmes with findings" "assert d['total']==43 and any(p['findings'] for p in d['programmes']), d['total']"
fi
expect "demo rehabilitation" 0 "$G" --database "$D" programmes summary --kind rehabilitation --json
pycheck "demo rehabilitation keeps unknown cells unknown" "t=d['total']; assert t['programmes']>=5 and t['unknownCells'].get('dwellings',0)>=1, t"
expect "demo conventions review" 0 "$G" --database "$D" conventions review --json
pycheck "demo review has published results and missed targets" "assert d['missed']>0 and any(l['result'] is not None for l in d['lines'])"
expect "demo check" 0 "$G" --database "$D" check

# check: a total that is not the sum of its parts is a flagged source figure, not an error; a
# programme whose landlord the database no longer holds is.
C="$T/check-programmes.sqlite"
expect "init for check" 0 "$G" --database "$C" init --territory cabbalr
printf 'COMMUNES;ANNEE financé;PROGRAMMES;BAILLEURS;SUB ETAT;SUB AGGLO;PLUS;PLAI;PLS;Nbre total LLS\r\nLILLERS;2024;rue du Marais;CLESENCE;10 000,00 €;;10;5;;16\r\n' > "$T/odd-total.csv"
expect "import a total that does not add up" 0 "$G" --database "$C" programmes import "$T/odd-total.csv" --json
pycheck "odd total imported with a warning, no error" "assert d['imported']==1 and d['errors']==[] and any('différent de PLUS + PLAI + PLS' in w['message'] for w in d['warnings']), d"
expect "check tolerates source inconsistencies" 0 "$G" --database "$C" check --json
pycheck "check counts the flagged figure" "assert d['ok'] and d['counts']['incohérences de source signalées (non bloquantes)']>=2, d['counts']"
sqlite3 "$C" "PRAGMA foreign_keys=ON; DELETE FROM landlord WHERE key='clesence';"
expect "check finds a programme without its landlord" 1 "$G" --database "$C" check --json
pycheck "check names the programme and the landlord" "assert not d['ok'] and any('clesence' in p and 'rue du marais' in p for p in d['problems']), d['problems']"
if [ -n "$FIXTURE" ]; then
  { cat "$FIXTURE"; printf 'TOTAL 2021;;;;;;92;43;3;140\r\n'; } > "$T/with-total.csv"
  expect "total row compared" 0 "$G" --database "$C" programmes import "$T/with-total.csv" --dry-run --json
  pycheck "TOTAL row compared with its whole block, whatever its label" "t=d['totalRows'][0]; c={x['field']:x for x in t['comparisons']}; assert t['scope']=='block' and (t['firstLine'],t['lastLine'],t['rows'])==(2,44,43) and not t['matches'] and (c['total']['given'],c['total']['computed'])==(140,1230) and not c['plus']['matches'], t"
fi
printf 'a;b\n1;2\n' > "$T/no-header.csv"
expect "file without headers refused" 1 "$G" --database "$C" programmes import "$T/no-header.csv"
contains "refusal says why in French" "ligne d'en-têtes introuvable"

# The CIA review's annexes as the spreadsheet exports them (Windows-1252, ";"): headers read by
# meaning, every row kept, TOTAL rows checked against their blocks, financed and forecast apart.
A="$T/annexes.sqlite"
expect "init for the annexes" 0 "$G" --database "$A" init --territory cabbalr
expect "rehabilitation annex imports" 0 "$G" --database "$A" programmes import Tests/fixtures/cia/annexe-1-rehabilitation.csv --kind rehabilitation --json
pycheck "annex 1: 31 rows, both TOTAL rows match, 21 financed and 10 forecast, columns explained" "
assert (d['imported'],d['errors'],d['financed'],d['forecast'])==(31,[],21,10), d
assert [t['matches'] for t in d['totalRows']]==[True,True] and [t['scope'] for t in d['totalRows']]==['block','block'], d['totalRows']
assert {c['column']:c['field'] for c in d['columns']}['F']=='dwellings' and d['columns'][2]['reading']=='corrected', d['columns']
assert any('inversées' in w['message'] for w in d['warnings'])
assert all(k in d for k in ('file','kind','dryRun','strict','failed','encoding','separator','headerLine','rowsRead','updated','unchanged','skipped','notInFile','held','reviews'))"
expect "rehabilitation summary" 0 "$G" --database "$A" programmes summary --kind rehabilitation --json
pycheck "summary keeps financed and forecast apart, and the overall total" "
f,p,t=d['financed']['total'],d['forecast']['total'],d['total']
assert (f['dwellings'],p['dwellings'],t['dwellings'])==(971,561,1532), (f,p,t)
assert (f['stateSubsidyCents'],f['epciSubsidyCents'])==(596650000,502291400), f
assert len(d['years'])>=5"
expect "construction annex 1 bis" 0 "$G" --database "$A" programmes import Tests/fixtures/cia/annexe-1bis-construction.csv --json
pycheck "annex 1 bis: 43 financed" "assert (d['imported'],d['financed'],d['forecast'])==(43,43,0) and d['totalRows'][0]['matches'], d"
expect "construction annex 1 ter" 0 "$G" --database "$A" programmes import Tests/fixtures/cia/annexe-1ter-construction-2024.csv --json
pycheck "annex 1 ter: 15 forecast" "assert (d['imported'],d['financed'],d['forecast'])==(15,0,15) and d['totalRows'][0]['matches'], d"
expect "construction summary" 0 "$G" --database "$A" programmes summary --json
pycheck "financed = TOTAL FINANCES ENTRE 2020 ET 2023, forecast = TOTAL PREVISIONS FINANCEMENTS 2024" "
f,p=d['financed']['total'],d['forecast']['total']
assert (f['plus'],f['plai'],f['pls'],f['total'],f['stateSubsidyCents'])==(735,398,97,1230,269980000), f
assert (p['plus'],p['plai'],p['pls'],p['total'],p['stateSubsidyCents'])==(210,110,135,455,74210400), p
assert d['total']['total']==1685 and any(r['rule']=='plaiAdapte' for r in d['rules'])"
expect "report programmes after the annexes" 0 "$G" --database "$A" report programmes --format csv --output "$T/annexes-report.csv"
if ls "$T"/annexes-report*finances-previsions-et-ensemble*.csv >/dev/null 2>&1; then ok "report keeps forecasts apart"; else fail "report keeps forecasts apart" "$(ls "$T")"; fi
expect "rehabilitation list" 0 "$G" --database "$A" programmes list --kind rehabilitation --json
pycheck "list gives period and status" "p=d['programmes']; assert sum(x['period']=='forecast' for x in p)==10 and any(x.get('status')=='à financer' for x in p), [(x['name'],x['period'],x.get('status')) for x in p][:5]"

# Columns the agent assigns: --column, remembered for the next file with the same headers.
printf 'Commune;Programme;Bailleur;Exo;Logements\nBéthune;Rés. A;SIA;2022;10\n' > "$T/exo.csv"
expect "unassigned year refused" 1 "$G" --database "$A" programmes import "$T/exo.csv" --kind rehabilitation
contains "refusal names the missing column" "année de financement"
expect "assigned with --column" 0 "$G" --database "$A" programmes import "$T/exo.csv" --kind rehabilitation --column D=financingYear --json
pycheck "column D assigned" "assert d['imported']==1 and d['columns'][3]['reading']=='assigned', d['columns']"
printf 'Commune;Programme;Bailleur;Exo;Logements\nAuchel;Rés. B;SIA;2023;5\n' > "$T/exo2.csv"
expect "same headers remembered" 0 "$G" --database "$A" programmes import "$T/exo2.csv" --kind rehabilitation --json
pycheck "second file read with the remembered choice" "assert d['imported']==1, d"
expect "bad --column refused" 64 "$G" --database "$A" programmes import "$T/exo.csv" --kind rehabilitation --column D=nimportequoi

# Amounts that would overflow, even in a dry run with a TOTAL row: errors naming line and column.
printf 'Commune;Année;Programme;Bailleur;SUB ETAT;PLUS\nBéthune;2022;Rue A;SIA;99 999 999 999 999,00 €;4\nBéthune;2022;Rue B;SIA;99 999 999 999 999,00 €;4\nTOTAL;;;;199 999 999 999 998,00 €;8\n' > "$T/huge.csv"
expect "huge amounts in a dry run" 0 "$G" --database "$A" programmes import "$T/huge.csv" --dry-run --json
pycheck "huge amounts are errors at line and column" "assert [(e['line'],e['column']) for e in d['errors'] if 'hors limites' in e['message']]==[(2,'E'),(3,'E'),(4,'E')], d['errors']"
expect "huge amounts imported without them" 0 "$G" --database "$A" programmes import "$T/huge.csv"
expect "summary after huge amounts" 0 "$G" --database "$A" programmes summary
expect "report after huge amounts" 0 "$G" --database "$A" report programmes --format pdf --output "$T/huge.pdf"
printf 'Commune;Année;Programme;Bailleur;SUB ETAT;PLUS\nBéthune;2022;Rue N;SIA;-250,00 €;4\n' > "$T/negative.csv"
expect "negative subsidy" 1 "$G" --database "$A" programmes import "$T/negative.csv" --strict
contains "negative subsidy refused with a message" "ne peut pas être négative"

# The 30 % PLAI rule's rounding is a profile parameter with its source, listed as to confirm.
expect "territoires lists the rounding" 0 "$G" territoires --json
pycheck "PLAI rounding is a default to confirm of cabbalr" "assert any(x['key']=='plaiShareRounding' and 'respectée' in x['text'] for e in d for x in e['defaultsToConfirm'] if e['id']=='cabbalr'), d"
