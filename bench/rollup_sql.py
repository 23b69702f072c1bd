"""Hand-written PostgreSQL for the province dashboard's aggregates: the yardstick bench/rollup.py measures against.

The same rules as provinces/queries.py and provinces/rowstatus.py, written as a person would write them for
PostgreSQL (a lateral unnest of the milestone list instead of one column per milestone). `scope` is a
subquery of commune ids; parameters: year, month, day (the day judged), closing (year × 100 + month of the last
period end on or before that day).
"""
COMMUNES = """
SELECT c.id, c.name, c.kind, c.area_id,
  (SELECT p.id FROM plans_plan p WHERE p.commune_id = c.id AND p.year = %(year)s AND p.is_current LIMIT 1),
  (SELECT r.id FROM reports_reportingperiod r WHERE r.commune_id = c.id AND r.year = %(year)s
     AND r.month = %(month)s LIMIT 1),
  (SELECT COUNT(DISTINCT ref.entry_id) FROM plans_assignmentref ref
     JOIN plans_assignment a ON a.id = ref.assignment_id JOIN plans_tasknode n ON n.id = a.node_id
     JOIN plans_plan p ON p.id = n.plan_id JOIN communes_directoryentry e ON e.id = ref.entry_id
   WHERE p.commune_id = c.id AND p.year = %(year)s AND p.is_current AND ref.role = 'lead' AND e.category = 'unit')
FROM communes_commune c WHERE c.id IN ({scope}) ORDER BY c.name, c.id"""

REPORTS = """
SELECT r.commune_id, COUNT(*) FILTER (WHERE NOT u.is_late), COUNT(*) FILTER (WHERE u.is_late)
FROM reports_unitreport u JOIN reports_reportingperiod r ON r.id = u.period_id
WHERE r.commune_id IN ({scope}) AND r.year = %(year)s AND r.month = %(month)s AND u.submitted_at IS NOT NULL
  AND EXISTS (SELECT 1 FROM plans_assignmentref ref JOIN plans_assignment a ON a.id = ref.assignment_id
              JOIN plans_tasknode n ON n.id = a.node_id JOIN plans_plan p ON p.id = n.plan_id
              JOIN communes_directoryentry e ON e.id = ref.entry_id
              WHERE ref.entry_id = u.unit_id AND ref.role = 'lead' AND e.category = 'unit'
                AND p.commune_id = r.commune_id AND p.year = %(year)s AND p.is_current)
GROUP BY r.commune_id"""

_ROWS = """
WITH rows AS (
  SELECT p.commune_id, a.id, a.deadline_kind, a.due, a.deadline_text, n.code, n.title, n."order" AS node_order,
         a."order" AS row_order,
         COALESCE((SELECT x.completed_on FROM reports_completion x WHERE x.assignment_id = a.id
                     AND x.milestone = 0 AND x.completed_on <= %(day)s),
                  (SELECT MAX(x.completed_on) FROM reports_completion x WHERE x.assignment_id = a.id
                     AND x.completed_on <= %(day)s)) AS done,
         ms.n, ms.reached, ms.late, ms.overdue, ms.missed
  FROM plans_assignment a JOIN plans_tasknode n ON n.id = a.node_id JOIN plans_plan p ON p.id = n.plan_id
  LEFT JOIN LATERAL (
    SELECT COUNT(*) AS n, COUNT(x.completed_on) AS reached, BOOL_OR(x.completed_on > m.point::date) AS late,
           BOOL_OR(x.completed_on IS NULL AND m.point::date < %(day)s) AS overdue,
           MIN(m.point::date) FILTER (WHERE x.completed_on IS NULL AND m.point::date < %(day)s) AS missed
    FROM jsonb_array_elements_text(a.milestones) WITH ORDINALITY AS m(point, i)
    LEFT JOIN reports_completion x ON x.assignment_id = a.id AND x.milestone = m.i - 1
                                  AND x.completed_on <= %(day)s
  ) ms ON a.deadline_kind = 'milestones' AND jsonb_array_length(a.milestones) > 0
  WHERE p.commune_id IN ({scope}) AND p.year = %(year)s AND p.is_current
), judged AS (
  SELECT *, CASE
    WHEN n > 0 AND reached = n AND late THEN 'done_late'
    WHEN n > 0 AND reached = n THEN 'done_on_time'
    WHEN n > 0 AND overdue THEN 'open_overdue'
    WHEN n > 0 THEN 'open_in_time'
    WHEN deadline_kind IN ('recurring', 'external', 'unknown') OR due IS NULL THEN
      CASE WHEN done IS NOT NULL THEN 'done_on_time' ELSE 'open_in_time' END
    WHEN done <= due THEN 'done_on_time'
    WHEN done IS NOT NULL THEN 'done_late'
    WHEN due < %(day)s THEN 'open_overdue'
    ELSE 'open_in_time' END AS status
  FROM rows)
"""

STATUSES = _ROWS + """
SELECT commune_id, COUNT(*) FILTER (WHERE status = 'done_on_time'), COUNT(*) FILTER (WHERE status = 'done_late'),
       COUNT(*) FILTER (WHERE status = 'open_in_time'), COUNT(*) FILTER (WHERE status = 'open_overdue')
FROM judged GROUP BY commune_id"""

OVERDUE = _ROWS + """
SELECT j.id, COALESCE(j.missed, j.due) AS missed_on, j.deadline_text, j.code, j.title, j.commune_id, c.name
FROM judged j JOIN communes_commune c ON c.id = j.commune_id WHERE j.status = 'open_overdue'
ORDER BY missed_on, c.name, j.node_order, j.row_order LIMIT 200"""

COLOURS = """
SELECT p.commune_id, COALESCE(latest.colour, 'grey') AS colour, COUNT(*)
FROM indicators_indicator i JOIN plans_plan p ON p.id = i.plan_id
LEFT JOIN LATERAL (
  SELECT v.colour FROM indicators_valueentry v WHERE v.indicator_id = i.id
    AND v.period_year * 100 + CASE v.period_kind WHEN 'month' THEN v.period_number
        WHEN 'quarter' THEN 3 * v.period_number WHEN 'half' THEN 6 * v.period_number
        WHEN 'nine_months' THEN 9 ELSE 12 END <= %(closing)s
  ORDER BY v.period_year * 100 + CASE v.period_kind WHEN 'month' THEN v.period_number
        WHEN 'quarter' THEN 3 * v.period_number WHEN 'half' THEN 6 * v.period_number
        WHEN 'nine_months' THEN 9 ELSE 12 END DESC,
    CASE v.period_kind WHEN 'month' THEN 0 WHEN 'quarter' THEN 2 WHEN 'half' THEN 5 WHEN 'nine_months' THEN 8
        ELSE 11 END DESC, v.entered_at DESC, v.id DESC
  LIMIT 1) latest ON TRUE
WHERE p.commune_id IN ({scope}) AND p.year = %(year)s AND p.is_current
  AND EXISTS (SELECT 1 FROM indicators_target t WHERE t.indicator_id = i.id)
GROUP BY p.commune_id, COALESCE(latest.colour, 'grey')"""

AREA_SCOPE = ("SELECT id FROM communes_commune WHERE area_id = %(area)s OR area_id IN "
              "(SELECT id FROM communes_adminarea WHERE parent_id = %(area)s)")
COUNTRY_SCOPE = "SELECT id FROM communes_commune"
PAGE = (COMMUNES, REPORTS, STATUSES, COLOURS, OVERDUE)
COUNTRY = (COMMUNES, REPORTS, STATUSES, COLOURS)


def run(cursor, statements, scope: str, params: dict) -> list[list]:
    results = []
    for sql in statements:
        cursor.execute(sql.format(scope=scope), params)
        results.append(cursor.fetchall())
    return results
