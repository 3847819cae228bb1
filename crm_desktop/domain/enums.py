"""The closed vocabularies of the CRM. Values are stored in the database as text."""

from enum import StrEnum


class LifecycleStage(StrEnum):
    LEAD = "lead"
    PROSPECT = "prospect"
    CUSTOMER = "customer"
    CHURNED = "churned"


class Tier(StrEnum):
    KEY = "key"
    POTENTIAL = "potential"
    ORDINARY = "ordinary"
    COLD = "cold"


class Gender(StrEnum):
    UNKNOWN = "unknown"
    FEMALE = "female"
    MALE = "male"


class LeadSource(StrEnum):
    WALK_IN = "walk_in"
    REFERRAL = "referral"
    PHONE = "phone"
    WEBSITE = "website"
    WECHAT = "wechat"
    EXHIBITION = "exhibition"
    ADVERTISING = "advertising"
    OTHER = "other"


class InteractionKind(StrEnum):
    CALL = "call"
    VISIT = "visit"
    EMAIL = "email"
    MESSAGE = "message"  # WeChat / SMS
    MEETING = "meeting"
    NOTE = "note"


class FollowupKind(StrEnum):
    CALL = "call"
    VISIT = "visit"
    EMAIL = "email"
    MESSAGE = "message"
    MEETING = "meeting"
    CARE = "care"
    CALLBACK = "callback"


class FollowupStatus(StrEnum):
    PLANNED = "planned"
    DONE = "done"
    CANCELLED = "cancelled"
    MISSED = "missed"


class TicketStatus(StrEnum):
    NEW = "new"
    IN_PROGRESS = "in_progress"
    WAITING = "waiting"  # waiting for the customer
    RESOLVED = "resolved"
    CLOSED = "closed"


class TicketCategory(StrEnum):
    REPAIR = "repair"
    TECH_SUPPORT = "tech_support"
    TRAINING = "training"
    COMPLAINT = "complaint"
    CONSULTATION = "consultation"


class ComplaintReason(StrEnum):
    """Why a customer complained: a complaint ticket must carry one (complaint analysis)."""

    PRODUCT_QUALITY = "product_quality"
    PRICE = "price"
    SERVICE_ATTITUDE = "service_attitude"
    SLOW_RESPONSE = "slow_response"
    COMPETITOR = "competitor"
    RELOCATION = "relocation"
    OTHER = "other"


class TicketPriority(StrEnum):
    URGENT = "urgent"
    HIGH = "high"
    NORMAL = "normal"
    LOW = "low"


class SurveyChannel(StrEnum):
    QUESTIONNAIRE = "questionnaire"
    PHONE_CALLBACK = "phone_callback"
    ONLINE = "online"


class LedgerKind(StrEnum):
    EARN = "earn"
    REDEEM = "redeem"
    EXPIRE = "expire"
    ADJUST = "adjust"
    REVERSE = "reverse"


class PaymentMethod(StrEnum):
    CASH = "cash"
    CARD = "card"
    WECHAT_PAY = "wechat_pay"
    ALIPAY = "alipay"
    TRANSFER = "transfer"


class UserRole(StrEnum):
    OWNER = "owner"
    MANAGER = "manager"
    SALES = "sales"
    SERVICE = "service"
