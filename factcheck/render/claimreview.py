"""The report as schema.org ClaimReview JSON-LD: one review per flag, of the first claim it cites."""
from __future__ import annotations

from typing import Any

from factcheck.model import Statement
from factcheck.render import who
from factcheck.render.safe import clean_data, json_text
from factcheck.triage import FlagRecord, Report

# what the flag says about the claim, by rule kind (reviewRating.alternateName)
VERDICT = {
    "status-conflict": "Conflicting accounts", "completion-conflict": "Misleading: figures show it incomplete",
    "sum-mismatch": "Figures do not add up", "numeric-conflict": "Conflicting figures",
    "quote-mismatch": "Quote worded differently elsewhere", "misattribution": "Quote attributed to different speakers",
    "duration-mismatch": "Duration disagrees with the dates on record",
    "superlative-conflict": "Superlative contradicted by an earlier figure",
    "polarity-conflict": "Contradictory", "date-conflict": "Conflicting dates",
    "anonymous-source": "Rests on an unnamed source",
    "unsourced": "Unsourced",
}
STATE_PREFIX = {"open": "Under review: ", "resolved": "No longer found: "}


def party(s: Statement) -> dict[str, Any]:
    kind = {"person": "Person", "anonymous": "Person"}.get(s.source_kind or "", "Organization")
    if not s.source:
        return {"@type": "Organization", "name": s.outlet or "the story's writer"}
    return {"@type": kind, "name": s.source}


def rating(rec: FlagRecord) -> dict[str, Any]:
    f = rec.finding
    if rec.state == "dismissed":
        name = "No contradiction found"
    else:
        name = STATE_PREFIX.get(rec.state or "", "") + VERDICT.get(f.kind, f.kind)
    return {"@type": "Rating", "alternateName": name, "ratingExplanation": f.detail or f.message}


def claim_review(rec: FlagRecord, reviewer: str | None, generated: str | None = None,
                 urls: dict[int, str] | None = None) -> dict[str, Any]:
    f = rec.finding
    claim = f.statements[0] if f.statements else Statement(text=f.message, start=0, end=0)
    url = web_url((urls or {}).get(claim.document_id)) if claim.document_id is not None else None
    appearance = {"@type": "NewsArticle", "headline": claim.document, "url": url, "datePublished": claim.published,
                  "publisher": {"@type": "Organization", "name": claim.outlet} if claim.outlet else None}
    item = {"@type": "Claim", "author": party(claim), "datePublished": claim.date or claim.published,
            "appearance": {k: v for k, v in appearance.items() if v}}
    if claim.channel:
        item["firstAppearance"] = {"@type": "CreativeWork", "name": claim.channel}
    author = rec.triaged_by if rec.state in ("confirmed", "dismissed") and rec.triaged_by else reviewer or "factcheck"
    reviewed_on = (rec.triaged_at if rec.triaged_by else rec.last_seen) or generated or ""
    others = "; ".join(f"{who(s)}: {s.text}" for s in f.statements[1:])
    review = {"@context": "https://schema.org", "@type": "ClaimReview", "identifier": rec.id,
              "claimReviewed": claim.text, "itemReviewed": item, "reviewRating": rating(rec),
              "reviewBody": f.message.rstrip(".") + "." + (f" Compared with: {others}" if others else ""),
              "author": {"@type": "Person" if author != "factcheck" else "Organization", "name": author},
              "datePublished": reviewed_on[:10] or None}
    return {k: v for k, v in review.items() if v is not None}


def web_url(url: str | None) -> str | None:
    """The URL if it is http(s); anything else (javascript:, data:, a path) is left out of the review."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


def report_claimreview(report: Report) -> str:
    """JSON-LD to paste into a <script type="application/ld+json"> block: '</' is written '<\\/' so article text
    cannot close the block, and '<!--' '\\u003c!--' so it cannot keep the page's own '</script>' from closing it;
    text is cleaned of control characters like every other report's. Both are the same string to a JSON reader."""
    reviews = [claim_review(rec, report.reviewer, report.generated, report.urls) for rec in report.flags]
    return json_text(clean_data(reviews)).replace("</", "<\\/").replace("<!--", "\\u003c!--") + "\n"
