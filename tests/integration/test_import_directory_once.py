"""Issue 15 item 4: an import reads the commune's directory a fixed number of times, not once per reference."""
from django.db import connection
from django.test.utils import CaptureQueriesContext

from plans.models import AssignmentRef
from tests.factories import import_sample


def test_the_import_reads_the_directory_four_times_whatever_the_number_of_references(commune):
    with CaptureQueriesContext(connection) as queries:
        plan = import_sample(commune)
    reads = [q["sql"] for q in queries.captured_queries
             if q["sql"].startswith("SELECT") and 'FROM "communes_directoryentry"' in q["sql"]]
    # The reader asks whether a directory exists and loads it (parse_for_commune), the import asks whether to seed
    # it (seed_directory) and loads it once for all its references (entries_by_key): four, for some 280 references.
    assert AssignmentRef.objects.filter(assignment__node__plan=plan).count() > 250
    assert len(reads) == 4, reads
    assert not AssignmentRef.objects.filter(assignment__node__plan=plan, entry=None).exists()
