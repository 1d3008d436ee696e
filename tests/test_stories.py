"""`factcheck stories`: the stored stories, a page at a time, with the ids `report --story` takes."""
from __future__ import annotations

import json

STORY = "---\ntitle: {title}\noutlet: Harbour Post\npublished: 2025-06-0{day}\n---\nThe ferry to Hvar carried {n} passengers, the harbour master said.\n"


def test_stories_lists_ids_days_and_titles_a_page_at_a_time(fc, write):
    for day, n in ((1, 300), (2, 310), (3, 320)):
        fc("ingest", str(write(f"s{day}.md", STORY.format(title=f"Ferry day {day}", day=day, n=n))))
    page = json.loads(fc("stories", "--format", "json", "--limit", "2", "--offset", "1").stdout)
    assert (page["total"], page["limit"], page["offset"]) == (3, 2, 1)
    assert [(s["title"], s["published"]) for s in page["stories"]] == [("Ferry day 2", "2025-06-02"),
                                                                       ("Ferry day 3", "2025-06-03")]
    table = fc("stories", "--limit", "1")
    assert table.exit_code == 0 and "stories 1-1 of 3" in table.stdout and "Ferry day 1" in table.stdout
    story = page["stories"][0]["id"]
    assert fc("report", "--story", str(story)).exit_code == 0
