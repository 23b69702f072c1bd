"""Hand-written PostgreSQL for the province dashboard's aggregates: the yardstick bench/rollup.py measures against.

The same rules as provinces/queries.py and provinces/rowstatus.py, written as a person would write them for
PostgreSQL (a lateral unnest of the milestone list instead of one column per milestone). `scope` is a
subquery of commune ids; parameters: year, month, day (the day judged), closing (year × 100 + month of the last
period end on or before that day).
"""
_LEADS = """
WITH leads AS (
  SELECT DISTINCT p.commune_id, ref.entry_id FROM plans_assignmentref ref
  JOIN plans_assignment a ON a.id = ref.assignment_id JOIN plans_tasknode n ON n.id = a.node_id
  JOIN plans_plan p ON p.id = n.plan_id JOIN communes_directoryentry e ON e.id = ref.entry_id
  WHERE p.commune_id IN ({scope}) AND p.year = %(year)s AND p.is_current AND ref.role = 'lead'
    AND e.category = 'unit')"""

COMMUNES = _LEADS + """
SELECT c.id, c.name, c.kind, c.area_id, p.id, r.id, COALESCE(l.n, 0)
FROM communes_commune c
LEFT JOIN plans_plan p ON p.commune_id = c.id AND p.year = %(year)s AND p.is_current
LEFT JOIN reports_reportingperiod r ON r.commune_id = c.id AND r.year = %(year)s AND r.month = %(month)s
LEFT JOIN (SELECT commune_id, COUNT(*) AS n FROM leads GROUP BY commune_id) l ON l.commune_id = c.id
WHERE c.id IN ({scope}) ORDER BY c.name, c.id"""

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
  SELECT p.commune_id, a.id, a.deadline_kind, a.due, a.milestones, a.deadline_text, n.code, n.title,
         n."order" AS node_order, a."order" AS row_order
  FROM plans_assignment a JOIN plans_tasknode n ON n.id = a.node_id JOIN plans_plan p ON p.id = n.plan_id
  WHERE p.commune_id IN ({scope}) AND p.year = %(year)s AND p.is_current
), judged AS (
  SELECT r.*, CASE
    WHEN r.deadline_kind = 'milestones' AND jsonb_array_length(r.milestones) > 0 THEN (
      SELECT MAX(CASE WHEN x.completed_on IS NULL THEN CASE WHEN m.point::date < %(day)s THEN 4 ELSE 3 END
                      WHEN x.completed_on > m.point::date THEN 2 ELSE 1 END)
      FROM jsonb_array_elements_text(r.milestones) WITH ORDINALITY AS m(point, i)
      LEFT JOIN reports_completion x ON x.assignment_id = r.id AND x.milestone = m.i - 1
                                    AND x.completed_on <= %(day)s)
    WHEN r.deadline_kind IN ('recurring', 'external', 'unknown') OR r.due IS NULL THEN
      COALESCE((SELECT 1 FROM reports_completion x WHERE x.assignment_id = r.id
                  AND x.completed_on <= %(day)s LIMIT 1), 3)
    ELSE COALESCE((SELECT CASE WHEN x.completed_on > r.due THEN 2 ELSE 1 END FROM reports_completion x
                   WHERE x.assignment_id = r.id AND x.completed_on <= %(day)s
                   ORDER BY x.milestone <> 0, x.completed_on DESC LIMIT 1),
                  CASE WHEN r.due < %(day)s THEN 4 ELSE 3 END)
  END AS status
  FROM rows r)
"""

STATUSES = _ROWS + """
SELECT commune_id, COUNT(*) FILTER (WHERE status = 1), COUNT(*) FILTER (WHERE status = 2),
       COUNT(*) FILTER (WHERE status = 3), COUNT(*) FILTER (WHERE status = 4)
FROM judged GROUP BY commune_id"""

OVERDUE = _ROWS + """, missed AS (
  SELECT j.*, CASE WHEN j.deadline_kind = 'milestones' AND jsonb_array_length(j.milestones) > 0 THEN (
      SELECT MIN(m.point::date) FROM jsonb_array_elements_text(j.milestones) WITH ORDINALITY AS m(point, i)
      WHERE m.point::date < %(day)s AND NOT EXISTS (
        SELECT 1 FROM reports_completion x WHERE x.assignment_id = j.id AND x.milestone = m.i - 1
          AND x.completed_on <= %(day)s))
    ELSE j.due END AS missed_on
  FROM judged j WHERE j.status = 4)
SELECT m.id, m.missed_on, m.deadline_text, m.code, m.title, m.commune_id, c.name
FROM missed m JOIN communes_commune c ON c.id = m.commune_id
ORDER BY m.missed_on, c.name, m.node_order, m.row_order LIMIT 200"""

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
  AND i.id IN (SELECT t.indicator_id FROM indicators_target t JOIN indicators_indicator ti ON ti.id = t.indicator_id
               JOIN plans_plan tp ON tp.id = ti.plan_id
               WHERE tp.commune_id IN ({scope}) AND tp.year = %(year)s AND tp.is_current)
GROUP BY p.commune_id, COALESCE(latest.colour, 'grey')"""

AREA_SCOPE = ("SELECT id FROM communes_commune WHERE area_id IN "
              "(SELECT id FROM communes_adminarea WHERE id = %(area)s OR parent_id = %(area)s)")
COUNTRY_SCOPE = "SELECT id FROM communes_commune"
PAGE = (COMMUNES, REPORTS, STATUSES, COLOURS, OVERDUE)
COUNTRY = (COMMUNES, REPORTS, STATUSES, COLOURS)


def run(cursor, statements, scope: str, params: dict) -> list[list]:
    results = []
    for sql in statements:
        cursor.execute(sql.format(scope=scope), params)
        results.append(cursor.fetchall())
    return results
