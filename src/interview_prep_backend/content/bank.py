"""The question bank: questions written for this project, with what a strong answer
touches (talking points, each with the words that show it) and an ideal spoken length.

Ideal lengths follow common interview coaching: a behavioural (STAR) story in 60-120 s,
a motivation answer in 45-90 s, a technical or role answer in 60-150 s.
"""

from __future__ import annotations

from dataclasses import dataclass

STAR_CATEGORIES = {"behavioural", "situational"}
ROLES = (
    "general",
    "software_engineer",
    "product_manager",
    "data_analyst",
    "sales",
    "customer_support",
    "new_graduate",
)
CATEGORIES = ("behavioural", "situational", "motivation", "role_specific")


@dataclass(frozen=True)
class TalkingPoint:
    point: str
    keywords: tuple[str, ...]


@dataclass(frozen=True)
class Question:
    id: str
    role: str
    category: str
    text: str
    ideal_seconds: tuple[int, int]
    talking_points: tuple[TalkingPoint, ...]

    @property
    def expects_star(self) -> bool:
        return self.category in STAR_CATEGORIES or self.id.startswith("beh-")

    @property
    def keywords(self) -> tuple[str, ...]:
        return tuple(k for tp in self.talking_points for k in tp.keywords)


B, S, M, R = "behavioural", "situational", "motivation", "role_specific"
STORY, MOTIVE, ROLE = (60, 120), (45, 90), (60, 150)

# (id, role, category, text, ideal seconds, [(talking point, "keywords")])
_RAW: list[tuple[str, str, str, str, tuple[int, int], list[tuple[str, str]]]] = [
    # General behavioural ---------------------------------------------------
    (
        "beh-conflict",
        "general",
        B,
        "Tell me about a time you disagreed with a colleague. How did you handle it?",
        STORY,
        [
            (
                "the disagreement and what was at stake",
                "disagree disagreement conflict colleague coworker opinion approach",
            ),
            (
                "listening to the other view",
                "listen listened understand perspective concerns asked",
            ),
            ("how you resolved it", "compromise agreed data meeting discussed resolved proposed"),
            (
                "the outcome and the relationship after",
                "outcome result relationship trust shipped learned",
            ),
        ],
    ),
    (
        "beh-failure",
        "general",
        B,
        "Describe a time you failed. What did you learn?",
        STORY,
        [
            (
                "what went wrong, owned honestly",
                "failed failure mistake missed wrong responsibility",
            ),
            (
                "what you did to recover",
                "fixed recovered apologised apologized escalated corrected",
            ),
            ("the lesson", "learned lesson now always since changed"),
            ("evidence you applied the lesson", "next time later applied since then improved"),
        ],
    ),
    (
        "beh-deadline",
        "general",
        B,
        "Tell me about a time you had to meet a tight deadline.",
        STORY,
        [
            ("the deadline and why it was tight", "deadline days week tight urgent launch"),
            ("how you prioritised", "prioritised prioritized scope cut focused plan"),
            ("working with others under pressure", "team communicated stakeholders help delegated"),
            ("whether you met it and the result", "delivered met shipped on time result"),
        ],
    ),
    (
        "beh-leadership",
        "general",
        B,
        "Give an example of a time you led a team or a project.",
        STORY,
        [
            ("the goal and the team", "team project goal people led lead"),
            ("how you set direction", "plan roles organised organized vision priorities"),
            ("how you supported people", "coached mentored unblocked supported feedback motivated"),
            ("the result", "result delivered improved launched increased reduced"),
        ],
    ),
    (
        "beh-initiative",
        "general",
        B,
        "Tell me about a time you took initiative beyond your role.",
        STORY,
        [
            ("the gap you noticed", "noticed problem gap nobody opportunity"),
            (
                "what you did without being asked",
                "volunteered proposed built started took initiative",
            ),
            ("getting buy-in", "convinced manager approval support buy-in"),
            ("the impact", "impact saved improved adopted result"),
        ],
    ),
    (
        "beh-difficult-person",
        "general",
        B,
        "Describe a situation where you worked with a difficult person.",
        STORY,
        [
            ("the behaviour, described fairly", "difficult behaviour behavior tension frustrated"),
            ("understanding their motives", "understand why pressure perspective listened"),
            ("your approach", "talked one-on-one expectations boundaries approach"),
            ("the outcome", "improved outcome relationship result worked"),
        ],
    ),
    (
        "beh-feedback",
        "general",
        B,
        "Tell me about a time you received critical feedback.",
        STORY,
        [
            ("the feedback", "feedback criticism critical told review"),
            ("your reaction", "listened reflected asked defensive accepted"),
            ("what you changed", "changed improved practised practiced adjusted"),
            ("the result of the change", "result better improved later promoted"),
        ],
    ),
    (
        "beh-ambiguity",
        "general",
        B,
        "Describe a time you had to work with unclear requirements.",
        STORY,
        [
            ("what was unclear", "unclear ambiguous vague requirements unknown"),
            ("how you clarified", "asked questions clarified assumptions prototype interviewed"),
            ("how you moved forward anyway", "iterated decided started plan milestones"),
            ("the result", "result delivered feedback outcome"),
        ],
    ),
    (
        "beh-persuade",
        "general",
        B,
        "Tell me about a time you persuaded someone to change their mind.",
        STORY,
        [
            ("the position you wanted to change", "convince persuade disagreed decision opinion"),
            ("the evidence you used", "data evidence numbers example prototype"),
            ("how you listened to objections", "objections concerns listened addressed"),
            ("the outcome", "agreed changed adopted result"),
        ],
    ),
    (
        "beh-priorities",
        "general",
        B,
        "Give an example of how you handled several competing priorities.",
        STORY,
        [
            ("the competing demands", "priorities competing tasks requests projects"),
            (
                "how you decided what came first",
                "impact urgent important prioritised prioritized criteria",
            ),
            (
                "communicating trade-offs",
                "communicated expectations stakeholders manager trade-off",
            ),
            ("the result", "delivered result outcome met"),
        ],
    ),
    (
        "beh-mistake",
        "general",
        B,
        "Tell me about a mistake you made at work and how you handled it.",
        STORY,
        [
            ("the mistake, owned", "mistake error my fault wrong missed"),
            ("telling the right people", "told manager informed escalated admitted"),
            ("fixing it", "fixed corrected rolled back repaired"),
            ("preventing it again", "prevent checklist process test review learned"),
        ],
    ),
    (
        "beh-change",
        "general",
        B,
        "Describe a time you had to adapt to a big change at work.",
        STORY,
        [
            ("the change", "change reorganisation reorganization new process tool moved"),
            ("how you adapted", "learned adapted adjusted trained"),
            ("helping others adapt", "helped team documented shared"),
            ("the result", "result outcome productive improved"),
        ],
    ),
    (
        "beh-customer",
        "general",
        B,
        "Tell me about a time you went above and beyond for a customer or user.",
        STORY,
        [
            ("the customer's problem", "customer user client problem complaint need"),
            ("what you did beyond the usual", "extra stayed called followed up built"),
            ("why it mattered", "trust important renewal satisfaction"),
            ("the result", "result thanked renewed satisfied retained"),
        ],
    ),
    (
        "beh-teamwork",
        "general",
        B,
        "Describe a successful project you worked on as part of a team.",
        STORY,
        [
            ("the project and goal", "project goal team launch"),
            ("your specific part", "my role I built I owned responsible"),
            ("how the team worked together", "collaborated communicated helped together"),
            ("the result", "result launched users revenue improved"),
        ],
    ),
    (
        "beh-data-decision",
        "general",
        B,
        "Tell me about a decision you made based on data.",
        STORY,
        [
            ("the decision", "decision choose decide option"),
            ("the data you gathered", "data analysis metrics numbers survey experiment"),
            ("how the data changed your view", "showed found insight surprised"),
            ("the outcome", "result increased reduced improved outcome"),
        ],
    ),
    (
        "beh-pressure",
        "general",
        B,
        "Tell me about a time you worked under pressure.",
        STORY,
        [
            ("the source of the pressure", "pressure stress urgent incident deadline"),
            ("staying effective", "calm focused plan prioritised prioritized"),
            ("what you did", "fixed delivered handled coordinated"),
            ("the outcome", "result resolved delivered outcome"),
        ],
    ),
    # Situational ------------------------------------------------------------
    (
        "sit-missed-deadline",
        "general",
        S,
        "What would you do if you realised you were going to miss a deadline?",
        STORY,
        [
            ("raising it early", "early tell manager flag inform soon"),
            ("options to recover", "scope help extend prioritise prioritize options"),
            ("communicating a new plan", "plan date update stakeholders communicate"),
            ("learning from it", "prevent estimate learn next time"),
        ],
    ),
    (
        "sit-disagree-manager",
        "general",
        S,
        "What would you do if your manager asked you to do something you disagreed with?",
        STORY,
        [
            ("understanding the reasons", "understand why reasons ask questions"),
            ("voicing concerns respectfully", "concerns respectfully private explain data"),
            ("committing once decided", "commit support decision disagree and commit"),
            ("when to escalate", "ethical escalate unsafe illegal"),
        ],
    ),
    (
        "sit-underperformer",
        "general",
        S,
        "How would you handle a teammate who is not pulling their weight?",
        STORY,
        [
            ("checking the cause first", "talk private why understand circumstances"),
            ("clear expectations", "expectations clear specific agree"),
            ("offering help", "help support pair mentor"),
            ("escalating if needed", "manager escalate follow up"),
        ],
    ),
    (
        "sit-angry-client",
        "general",
        S,
        "How would you handle an angry client?",
        STORY,
        [
            ("listening and acknowledging", "listen acknowledge apologise apologize empathy"),
            ("finding the real problem", "understand problem questions root cause"),
            ("agreeing next steps", "plan next steps timeline commit"),
            ("following up", "follow up check back update"),
        ],
    ),
    (
        "sit-new-team",
        "general",
        S,
        "You join a team whose process is clearly inefficient. What do you do?",
        STORY,
        [
            ("learning before changing", "learn understand why history observe"),
            ("measuring the problem", "measure data time cost metrics"),
            ("proposing a small change", "propose pilot experiment small change"),
            ("bringing people along", "team buy-in feedback agree"),
        ],
    ),
    (
        "sit-conflicting-asks",
        "general",
        S,
        "Two senior stakeholders ask you for conflicting things. What do you do?",
        STORY,
        [
            ("understanding each goal", "goals understand needs why"),
            ("making the conflict visible", "together meeting trade-off transparent"),
            ("a decision framework", "priorities impact company goals criteria"),
            ("documenting the decision", "document written agreed confirm"),
        ],
    ),
    (
        "sit-ethics",
        "general",
        S,
        "What would you do if you saw a colleague cutting corners on something important?",
        STORY,
        [
            ("the risk", "risk safety quality customers harm"),
            ("talking to them first", "talk directly private colleague"),
            ("escalating when needed", "manager escalate report policy"),
            ("staying fair", "fair facts assume good intent"),
        ],
    ),
    (
        "sit-no-experience",
        "general",
        S,
        "You are given a task in an area you know nothing about. How do you start?",
        STORY,
        [
            ("learning fast", "learn research read documentation course"),
            ("finding experts", "ask experts colleagues mentor"),
            ("starting small", "small prototype first step try"),
            ("checking progress", "feedback check review iterate"),
        ],
    ),
    # Motivation ---------------------------------------------------------------
    (
        "mot-about-you",
        "general",
        M,
        "Tell me about yourself.",
        STORY,
        [
            ("present role and strengths", "currently role work strengths experience"),
            ("relevant past", "previously before background years"),
            ("a concrete achievement", "built led achieved delivered increased"),
            ("why this role next", "next looking excited role opportunity"),
        ],
    ),
    (
        "mot-why-company",
        "general",
        M,
        "Why do you want to work here?",
        MOTIVE,
        [
            ("what you know about the company", "company mission product customers values"),
            ("the fit with your skills", "skills experience fit bring"),
            ("what you want to learn", "learn grow challenge"),
            ("a specific detail", "recently launched read noticed specific"),
        ],
    ),
    (
        "mot-why-role",
        "general",
        M,
        "Why are you interested in this role?",
        MOTIVE,
        [
            ("what attracts you to the work", "enjoy interested work problems"),
            ("matching experience", "experience skills done before"),
            ("where it leads", "career goal grow future"),
        ],
    ),
    (
        "mot-strengths",
        "general",
        M,
        "What is your greatest strength?",
        MOTIVE,
        [
            ("a named strength", "strength good at strong"),
            ("an example that proves it", "example time when instance"),
            ("why it matters for this job", "role job team useful"),
        ],
    ),
    (
        "mot-weakness",
        "general",
        M,
        "What is a weakness you are working on?",
        MOTIVE,
        [
            ("a real weakness", "weakness struggle improve working on"),
            ("what you are doing about it", "practising practicing course feedback habit"),
            ("progress so far", "progress better improved now"),
        ],
    ),
    (
        "mot-five-years",
        "general",
        M,
        "Where do you see yourself in five years?",
        MOTIVE,
        [
            ("a direction, not a title", "grow skills direction expertise"),
            ("link to this role", "role company here"),
            ("ambition with realism", "lead responsibility learn"),
        ],
    ),
    (
        "mot-leaving",
        "general",
        M,
        "Why are you leaving your current job?",
        MOTIVE,
        [
            ("a positive reason", "growth opportunity challenge learn"),
            ("no criticism of the employer", "grateful learned appreciate"),
            ("what you seek here", "looking for here role"),
        ],
    ),
    (
        "mot-proud",
        "general",
        M,
        "What achievement are you most proud of?",
        STORY,
        [
            ("the achievement", "proud achievement built won delivered"),
            ("why it was hard", "hard difficult challenge obstacle"),
            ("your part", "I my role responsible"),
            ("the impact", "impact result users increased saved"),
        ],
    ),
    # Software engineer ---------------------------------------------------------
    (
        "swe-bug",
        "software_engineer",
        B,
        "Tell me about the hardest bug you have fixed.",
        STORY,
        [
            ("the symptom and impact", "bug crash error users production impact"),
            ("how you investigated", "logs reproduce debugger profiling hypothesis"),
            ("the root cause", "root cause race condition memory leak"),
            ("the fix and prevention", "fix test monitoring regression prevent"),
        ],
    ),
    (
        "swe-design",
        "software_engineer",
        R,
        "How would you design a URL shortener?",
        ROLE,
        [
            ("requirements and scale", "requirements scale requests users traffic"),
            ("the data model and key generation", "database key hash id base62 collision"),
            ("read path and caching", "cache redirect latency read replica"),
            ("reliability and abuse", "availability monitoring rate limit abuse expiry"),
        ],
    ),
    (
        "swe-tradeoff",
        "software_engineer",
        B,
        "Describe a technical trade-off you made and why.",
        STORY,
        [
            ("the options", "option alternative approach choice"),
            ("the criteria", "performance cost complexity maintainability time"),
            ("the decision", "chose decided picked"),
            ("how it turned out", "result later turned out measured"),
        ],
    ),
    (
        "swe-code-review",
        "software_engineer",
        R,
        "How do you approach code review?",
        ROLE,
        [
            ("what you look for", "correctness tests readability design security"),
            ("tone and kindness", "kind respectful questions suggest"),
            ("speed", "quick turnaround small pull requests"),
            ("learning both ways", "learn share knowledge"),
        ],
    ),
    (
        "swe-performance",
        "software_engineer",
        B,
        "Tell me about a time you improved the performance of a system.",
        STORY,
        [
            ("the performance problem", "slow latency performance load timeout"),
            ("measuring first", "measured profiled benchmark metrics"),
            ("the change", "cache index query optimised optimized parallel"),
            ("the improvement in numbers", "percent faster reduced ms seconds"),
        ],
    ),
    (
        "swe-legacy",
        "software_engineer",
        S,
        "How would you change a large legacy codebase safely?",
        ROLE,
        [
            ("understanding it first", "read understand map dependencies"),
            ("tests as a safety net", "tests characterization coverage"),
            ("small steps", "incremental small refactor strangler"),
            ("releasing safely", "feature flag rollback monitoring canary"),
        ],
    ),
    # Product manager -----------------------------------------------------------
    (
        "pm-prioritise",
        "product_manager",
        R,
        "How do you decide what to build next?",
        ROLE,
        [
            ("customer problems", "customer problem user research interviews"),
            ("impact versus effort", "impact effort value cost framework rice"),
            ("strategy fit", "strategy goals objectives company"),
            ("saying no", "say no trade-off roadmap communicate"),
        ],
    ),
    (
        "pm-launch",
        "product_manager",
        B,
        "Tell me about a product you launched.",
        STORY,
        [
            ("the problem it solved", "problem users customers need"),
            ("how you defined it", "requirements spec research scope"),
            ("working across teams", "engineering design marketing sales team"),
            ("results after launch", "adoption users revenue retention metrics"),
        ],
    ),
    (
        "pm-metric",
        "product_manager",
        R,
        "How would you measure the success of a new feature?",
        ROLE,
        [
            ("the goal", "goal outcome purpose"),
            ("a primary metric", "metric adoption retention conversion engagement"),
            ("guardrails", "guardrail counter metric side effect"),
            ("how you'd test", "experiment a/b test baseline"),
        ],
    ),
    (
        "pm-stakeholder",
        "product_manager",
        B,
        "Describe a time you said no to an important stakeholder.",
        STORY,
        [
            ("the request", "request asked stakeholder executive"),
            ("your reasoning", "data priorities impact strategy"),
            ("how you said it", "explained alternative transparent"),
            ("the result", "result agreed relationship outcome"),
        ],
    ),
    (
        "pm-failure",
        "product_manager",
        B,
        "Tell me about a product decision that turned out wrong.",
        STORY,
        [
            ("the decision", "decision decided feature bet"),
            ("how you found out", "data metrics feedback users"),
            ("what you did", "rolled back changed iterated"),
            ("what you learned", "learned lesson now"),
        ],
    ),
    (
        "pm-user-research",
        "product_manager",
        R,
        "How do you learn what users need?",
        ROLE,
        [
            ("talking to users", "interviews users customers conversations"),
            ("behavioural data", "data analytics usage funnel"),
            ("testing ideas", "prototype test experiment"),
            ("sharing findings", "share team insights synthesis"),
        ],
    ),
    # Data analyst -----------------------------------------------------------------
    (
        "da-insight",
        "data_analyst",
        B,
        "Tell me about an analysis that changed a business decision.",
        STORY,
        [
            ("the question", "question business decision problem"),
            ("the data and method", "sql data analysis regression cohort"),
            ("the insight", "found insight showed"),
            ("the decision and impact", "decision changed revenue saved percent"),
        ],
    ),
    (
        "da-dirty-data",
        "data_analyst",
        B,
        "Describe a time you worked with messy or incomplete data.",
        STORY,
        [
            ("what was wrong", "missing duplicates errors messy inconsistent"),
            ("how you cleaned it", "cleaned validated imputed deduplicated"),
            ("checking your work", "checked validated source reconciled"),
            ("the result", "result report accurate decision"),
        ],
    ),
    (
        "da-explain",
        "data_analyst",
        R,
        "How do you explain a technical finding to a non-technical audience?",
        ROLE,
        [
            ("start with the answer", "answer headline bottom line"),
            ("plain language", "simple plain jargon analogy"),
            ("visuals", "chart visual dashboard"),
            ("what to do next", "recommendation action decision"),
        ],
    ),
    (
        "da-metric-drop",
        "data_analyst",
        S,
        "A key metric dropped 20% overnight. How do you investigate?",
        ROLE,
        [
            ("checking the data first", "data pipeline tracking bug logging"),
            ("segmenting", "segment platform region device cohort"),
            ("external causes", "release holiday outage marketing"),
            ("reporting", "communicate stakeholders update findings"),
        ],
    ),
    (
        "da-ab-test",
        "data_analyst",
        R,
        "How would you design an A/B test?",
        ROLE,
        [
            ("a hypothesis and metric", "hypothesis metric primary"),
            ("sample size and duration", "sample size power duration significance"),
            ("randomisation and pitfalls", "random bias novelty peeking"),
            ("reading results", "confidence interval p-value decision"),
        ],
    ),
    (
        "da-tools",
        "data_analyst",
        R,
        "Which tools do you use for analysis and why?",
        ROLE,
        [
            ("querying", "sql database query"),
            ("analysis", "python pandas r excel"),
            ("visualisation", "tableau power bi dashboard chart"),
            ("reproducibility", "version control notebook documented"),
        ],
    ),
    # Sales ---------------------------------------------------------------------------
    (
        "sales-deal",
        "sales",
        B,
        "Tell me about the toughest deal you closed.",
        STORY,
        [
            ("why it was tough", "tough competitor budget objection long"),
            ("understanding the buyer", "discovery needs pain decision maker"),
            ("your strategy", "strategy demo proposal champion"),
            ("the result", "closed revenue contract value"),
        ],
    ),
    (
        "sales-objection",
        "sales",
        R,
        "How do you handle the objection 'it's too expensive'?",
        ROLE,
        [
            ("understanding the objection", "understand ask why budget"),
            ("value, not price", "value roi return savings"),
            ("options", "options package terms"),
            ("moving to a next step", "next step close commit"),
        ],
    ),
    (
        "sales-lost",
        "sales",
        B,
        "Tell me about a deal you lost and what you learned.",
        STORY,
        [
            ("the deal", "deal prospect opportunity"),
            ("why it was lost", "lost competitor price timing"),
            ("what you learned", "learned lesson"),
            ("what you do differently now", "now differently changed"),
        ],
    ),
    (
        "sales-pipeline",
        "sales",
        R,
        "How do you build and manage your pipeline?",
        ROLE,
        [
            ("prospecting", "prospecting outreach leads referrals"),
            ("qualifying", "qualify budget authority need timeline"),
            ("tracking", "crm forecast stages"),
            ("follow-up discipline", "follow up cadence consistent"),
        ],
    ),
    (
        "sales-target",
        "sales",
        B,
        "Describe a time you missed a target.",
        STORY,
        [
            ("the target", "target quota goal"),
            ("why you missed", "missed because pipeline"),
            ("what you changed", "changed activity process"),
            ("the result afterwards", "next quarter exceeded result"),
        ],
    ),
    # Customer support ---------------------------------------------------------------
    (
        "cs-upset",
        "customer_support",
        B,
        "Tell me about a time you turned an upset customer around.",
        STORY,
        [
            ("the customer's frustration", "upset angry frustrated customer"),
            ("empathy", "listened apologised apologized understood"),
            ("solving the problem", "fixed solved resolved refund workaround"),
            ("the outcome", "thanked satisfied stayed review"),
        ],
    ),
    (
        "cs-unknown",
        "customer_support",
        S,
        "What do you do when you don't know the answer to a customer's question?",
        ROLE,
        [
            ("honesty", "honest don't know find out"),
            ("finding the answer", "knowledge base colleague escalate documentation"),
            ("setting expectations", "timeline update expect"),
            ("closing the loop", "follow up confirm"),
        ],
    ),
    (
        "cs-volume",
        "customer_support",
        B,
        "Describe a time you handled a high volume of tickets.",
        STORY,
        [
            ("the volume", "tickets volume queue backlog"),
            ("prioritising", "prioritise prioritize urgent triage"),
            ("working efficiently", "templates macros efficient"),
            ("the result", "response time cleared satisfaction"),
        ],
    ),
    (
        "cs-feedback-loop",
        "customer_support",
        R,
        "How do you pass customer feedback to the product team?",
        ROLE,
        [
            ("collecting patterns", "patterns tags trends"),
            ("evidence", "examples numbers tickets"),
            ("the channel", "product team meeting report"),
            ("following up", "follow up status customers"),
        ],
    ),
    (
        "cs-policy",
        "customer_support",
        S,
        "A customer asks for something against policy. What do you do?",
        ROLE,
        [
            ("empathy", "understand empathy acknowledge"),
            ("explaining the policy", "explain policy why"),
            ("alternatives", "alternative option offer"),
            ("when to escalate", "manager exception escalate"),
        ],
    ),
    # New graduate ---------------------------------------------------------------------
    (
        "grad-project",
        "new_graduate",
        B,
        "Tell me about a project from your studies you are proud of.",
        STORY,
        [
            ("the project", "project course thesis university"),
            ("your role", "I my role responsible"),
            ("a challenge you overcame", "challenge problem difficult"),
            ("the result", "grade result users won presented"),
        ],
    ),
    (
        "grad-team",
        "new_graduate",
        B,
        "Describe a group project where things did not go smoothly.",
        STORY,
        [
            ("what went wrong", "conflict deadline group problem"),
            ("what you did", "organised organized talked plan"),
            ("how the group recovered", "together recovered finished"),
            ("what you learned", "learned lesson"),
        ],
    ),
    (
        "grad-why-field",
        "new_graduate",
        M,
        "Why did you choose your field of study?",
        MOTIVE,
        [
            ("the spark", "interested started curious"),
            ("what you learned", "learned skills courses"),
            ("link to this job", "role job apply"),
        ],
    ),
    (
        "grad-learn-fast",
        "new_graduate",
        B,
        "Tell me about a time you had to learn something quickly.",
        STORY,
        [
            ("what you had to learn", "learn new skill tool language"),
            ("how you learned", "practised practiced tutorial asked"),
            ("applying it", "used applied built"),
            ("the result", "result finished grade"),
        ],
    ),
    (
        "grad-internship",
        "new_graduate",
        B,
        "What did you contribute during an internship or part-time job?",
        STORY,
        [
            ("the place and role", "internship job company role"),
            ("your contribution", "built helped improved created"),
            ("feedback you received", "feedback manager praised"),
            ("what you took away", "learned skills"),
        ],
    ),
]


def _build() -> tuple[Question, ...]:
    return tuple(
        Question(
            id=qid,
            role=role,
            category=category,
            text=text,
            ideal_seconds=ideal,
            talking_points=tuple(TalkingPoint(p, tuple(k.split())) for p, k in points),
        )
        for qid, role, category, text, ideal, points in _RAW
    )


QUESTIONS: tuple[Question, ...] = _build()
BY_ID = {q.id: q for q in QUESTIONS}


def find(role: str | None = None, category: str | None = None) -> list[Question]:
    return [
        q
        for q in QUESTIONS
        if (role is None or q.role == role) and (category is None or q.category == category)
    ]
