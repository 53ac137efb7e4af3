"""Class 4: attachments follow publication. Each withheld document (draft, review, scheduled, internal) carries
canaries in its name, text and attachment; none may reach any public output file. Positive controls prove the
scan can see a published attachment."""

from __future__ import annotations

from tests.hostile.cases.base import (
    ARTICLES,
    IMAGES,
    NEUTRALISED,
    TOPICS,
    Case,
    article_text,
    plan,
    topic_text,
)
from tests.hostile.harness import pdf, png


def _c(
    id: str,
    what: str,
    files: dict[str, str | bytes],
    canaries: tuple[str, ...] = (),
    published: tuple[str, ...] = (),
) -> Case:
    return Case(
        id=id,
        cls=4,
        outcome=NEUTRALISED,
        what=what,
        files=files,
        batch="withheld",
        canaries=canaries,
        published=published,
    )


CASES = [
    _c(
        "c4-draft-plan-image",
        "image used only by a draft plan",
        {
            "plans/2022/cnrydraftplan.md": plan(
                "Bản nháp CNRYDRAFTPLANTEXT.\n\n![Ảnh](cnrydraftplanimg.png)\n",
                title="về việc CNRYDRAFTPLANTITLE",
                status="draft",
            ),
            "plans/2022/cnrydraftplanimg.png": png("CNRYDRAFTPLANBYTES"),
        },
        ("CNRYDRAFTPLAN", "cnrydraftplanimg"),
    ),
    _c(
        "c4-review-article-cover",
        "cover of an article under review",
        {
            f"{ARTICLES}/cnryreview.md": article_text(
                "Chờ duyệt CNRYREVIEWTEXT.\n",
                title="Tin CNRYREVIEWTITLE",
                status="review",
                approved_by=None,
                cover={"src": "images/cnryreviewcover.png", "alt": "Ảnh"},
            ),
            f"{IMAGES}/cnryreviewcover.png": png("CNRYREVIEWBYTES"),
        },
        ("CNRYREVIEW", "cnryreviewcover"),
    ),
    _c(
        "c4-scheduled-article-image",
        "image of an article scheduled for 2030",
        {
            f"{ARTICLES}/cnrysched.md": article_text(
                "Hẹn giờ CNRYSCHEDTEXT.\n\n![Ảnh](../../images/cnryschedimg.png)\n",
                title="Tin CNRYSCHEDTITLE",
                publish_at="2030-01-01T08:00:00+07:00",
            ),
            f"{IMAGES}/cnryschedimg.png": png("CNRYSCHEDBYTES"),
        },
        ("CNRYSCHED", "cnryschedimg"),
    ),
    _c(
        "c4-internal-plan-pdf",
        "PDF linked only from an internal plan",
        {
            "plans/2022/cnryinternal.md": plan(
                "Nội bộ CNRYINTERNALTEXT. [Tải về](cnryinternal.pdf).\n",
                title="về việc CNRYINTERNALTITLE",
                access="internal",
                aliases=["/cnryinternalalias/"],
            ),
            "plans/2022/cnryinternal.pdf": pdf("CNRYINTERNALBYTES"),
        },
        ("CNRYINTERNAL", "cnryinternal"),
    ),
    _c(
        "c4-internal-article-image",
        "image of an internal article",
        {
            f"{ARTICLES}/cnryintart.md": article_text(
                "Nội bộ CNRYINTARTTEXT.\n\n![Ảnh](cnryintartimg.png)\n",
                title="Tin CNRYINTARTTITLE",
                access="internal",
            ),
            f"{ARTICLES}/cnryintartimg.png": png("CNRYINTARTBYTES"),
        },
        ("CNRYINTART", "cnryintartimg"),
    ),
    _c(
        "c4-internal-plan-tasks",
        "tasks and units of an internal plan (calendar, unit pages, .ics)",
        {
            "plans/2022/cnrytasks.md": plan(
                "Tổ chức hội nghị CNRYTASKTEXT.\n",
                title="về việc CNRYTASKTITLE",
                access="internal",
                period=2022,
                tasks=[
                    {
                        "task": "Tổ chức hội nghị CNRYTASKTEXT.",
                        "lead": ["dang-uy-xa-ta-van"],
                        "deadline": "2022-11",
                        "targets": [{"count": 3, "unit": "CNRYTASKUNIT"}],
                    }
                ],
            )
        },
        ("CNRYTASK",),
    ),
    _c(
        "c4-draft-topic",
        "a draft topic with its own image",
        {
            f"{TOPICS}/cnrytopic.md": topic_text(
                "Chuyên đề nháp CNRYTOPICTEXT.\n\n![Ảnh](../images/cnrytopicimg.png)\n",
                title="Chuyên đề CNRYTOPICTITLE",
                status="draft",
            ),
            f"{IMAGES}/cnrytopicimg.png": png("CNRYTOPICBYTES"),
        },
        ("CNRYTOPIC", "cnrytopicimg"),
    ),
    _c(
        "c4-draft-page",
        "a draft site page in content/",
        {
            "content/cnrypage.md": "---\nkind: page\ntitle: Trang CNRYPAGETITLE\nstatus: draft\n---\n\n"
            "Trang nháp CNRYPAGETEXT.\n\n![Ảnh](images/cnrypageimg.png)\n",
            f"{IMAGES}/cnrypageimg.png": png("CNRYPAGEBYTES"),
        },
        ("CNRYPAGE", "cnrypageimg"),
    ),
    _c(
        "c4-orphan-attachment",
        "files referenced by no document",
        {
            f"{IMAGES}/cnryorphan.png": png("CNRYORPHANBYTES"),
            "plans/2022/cnryorphan.pdf": pdf("CNRYORPHANPDF"),
        },
        ("CNRYORPHAN", "cnryorphan"),
    ),
    _c(
        "c4-shared-image",
        "image used by a draft and a published document: published (control)",
        {
            f"{IMAGES}/hxshared.png": png("HXSHAREDBYTES"),
            f"{ARTICLES}/cnryshared.md": article_text(
                "Nháp CNRYSHAREDTEXT.\n\n![Ảnh](../../images/hxshared.png)\n",
                title="Tin CNRYSHAREDTITLE",
                status="draft",
                approved_by=None,
            ),
            f"{ARTICLES}/hx-shared-public.md": article_text(
                "Công khai.\n\n![Ảnh](../../images/hxshared.png)\n", title="Tin công khai dùng chung ảnh"
            ),
        },
        ("CNRYSHARED",),
        ("HXSHAREDBYTES",),
    ),
    _c(
        "c4-public-pdf",
        "PDF linked from a published plan: published (control)",
        {
            "plans/2022/p-pdf.md": plan("Công khai. [Tải về](hxpublic.pdf).\n"),
            "plans/2022/hxpublic.pdf": pdf("HXPUBLICPDFBYTES"),
        },
        (),
        ("HXPUBLICPDFBYTES",),
    ),
]
