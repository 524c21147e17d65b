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
  pycheck "warnings carry line and column" "w=[x for x in d['warnings'] if '- €' in x['message']]; assert w and all(x['line'] and x['column']=='E' for x in w if x['header']=='SUB ETAT'), w[:2]"

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
  pycheck "TOTAL 2021 row: 140 given, 138 computed" "t=d['totalRows'][0]; c={x['field']:x for x in t['comparisons']}; assert t['scope']=='year' and t['year']==2021 and not t['matches'] and (c['total']['given'],c['total']['computed'])==(140,138) and c['plus']['matches'], t"
fi
printf 'a;b\n1;2\n' > "$T/no-header.csv"
expect "file without headers refused" 1 "$G" --database "$C" programmes import "$T/no-header.csv"
contains "refusal says why in French" "ligne d'en-têtes introuvable"
