"""The ``product_led`` profile's price book and its billing arithmetic (Stripe-like items).

A plan row is a price: a product (a base tier or an add-on) x a term x a currency. Terms are
1 month (``month`` x 1), 6 months (``month`` x 6) and 1 year (``year`` x 1). Base tiers and two
add-ons are priced per seat; two add-ons are flat fees (quantity 1, no seats). The amount of
one item per interval follows the billing contract (macro item_term_amount): the amount as
billed where the billing system stores one, else unit_amount x (quantity if per seat else 1)
x (1 - percent off) - amount off.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

CURRENCIES = ("USD", "EUR", "GBP", "AUD")
TIERS = ("basic", "pro", "scale")
# List price per seat per month, by currency (each price book is set on its own).
TIER_MONTHLY = {
    "basic": {"USD": 10, "EUR": 9, "GBP": 8, "AUD": 15},
    "pro": {"USD": 20, "EUR": 18, "GBP": 16, "AUD": 30},
    "scale": {"USD": 34, "EUR": 31, "GBP": 27, "AUD": 52},
}
# Add-on -> (name, price kind, monthly price by currency).
ADD_ONS = {
    "sso": ("Security and SSO", "flat_fee", {"USD": 99, "EUR": 89, "GBP": 79, "AUD": 149}),
    "storage": ("Extra storage", "flat_fee", {"USD": 29, "EUR": 27, "GBP": 23, "AUD": 45}),
    "analytics": ("Advanced analytics", "per_seat", {"USD": 5, "EUR": 5, "GBP": 4, "AUD": 8}),
    "ai_assist": ("AI assistant", "per_seat", {"USD": 8, "EUR": 7, "GBP": 6, "AUD": 12}),
}
# Term in months -> (billing_interval, interval_count, label, price factor on the monthly list).
TERMS = {
    1: ("month", 1, "monthly", Decimal("1")),
    6: ("month", 6, "6-month", Decimal("0.95")),
    12: ("year", 1, "annual", Decimal("0.80")),
}
CENT = Decimal("0.01")


def cents(value: Decimal) -> Decimal:
    """Rounded to the cent, half up, as billing systems round."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def plan_id(product: str, term: int, currency: str) -> str:
    return f"{product}_{term}m_{currency.lower()}"


def price_kind(product: str) -> str:
    return ADD_ONS[product][1] if product in ADD_ONS else "per_seat"


def unit_amount(product: str, term: int, currency: str) -> Decimal:
    """Price of one unit for one interval of ``term`` months."""
    monthly = (
        ADD_ONS[product][2][currency] if product in ADD_ONS else TIER_MONTHLY[product][currency]
    )
    return cents(Decimal(monthly) * term * TERMS[term][3])


def plan_rows() -> list[dict]:
    """The price book: every product x term x currency."""
    rows = []
    for product in (*TIERS, *ADD_ONS):
        is_add_on = product in ADD_ONS
        title = ADD_ONS[product][0] if is_add_on else product.title()
        for term, (interval, count, label, _) in TERMS.items():
            for currency in CURRENCIES:
                rows.append(
                    {
                        "plan_id": plan_id(product, term, currency),
                        "plan_name": f"{title} ({label})",
                        "plan_tier": None if is_add_on else product,
                        "billing_interval": interval,
                        "unit_amount": unit_amount(product, term, currency),
                        "currency": currency,
                        "interval_count": count,
                        "price_kind": price_kind(product),
                        "is_add_on": is_add_on,
                    }
                )
    return rows


def computed_amount(item: dict, currency: str) -> Decimal:
    """An item's amount per interval from its price, quantity and discounts (unrounded)."""
    unit = unit_amount(item["product"], item["term"], currency)
    units = item["quantity"] if price_kind(item["product"]) == "per_seat" else 1
    return unit * units * (1 - Decimal(str(item["percent_off"])) / 100) - item["amount_off"]


def negotiated_percent(product: str, term: int, currency: str, percent: float) -> float:
    """The percent a billing system that stores prices records for a deal at ``percent`` off:
    sales agree a whole-unit price per unit, the system keeps the percent to two decimals."""
    unit = unit_amount(product, term, currency)
    price = (unit * (1 - Decimal(str(percent)) / 100)).quantize(Decimal(1), ROUND_HALF_UP)
    return float(((1 - price / unit) * 100).quantize(CENT, ROUND_HALF_UP))


def billed_amount(item: dict, currency: str) -> Decimal:
    """What a billing system that stores the price bills: the discounted unit price rounded to
    whole currency units (the negotiated price), times the quantity, less the amount off. The
    percent it records does not reproduce it to the cent."""
    unit = unit_amount(item["product"], item["term"], currency)
    units = item["quantity"] if price_kind(item["product"]) == "per_seat" else 1
    per_unit = unit
    if item["percent_off"]:
        discounted = unit * (1 - Decimal(str(item["percent_off"])) / 100)
        per_unit = discounted.quantize(Decimal(1), ROUND_HALF_UP)
    return cents(per_unit * units - item["amount_off"])


def interval_amount(item: dict, currency: str) -> Decimal:
    """The item's amount per interval as the invoices bill it (cents)."""
    if item["billed"]:
        return billed_amount(item, currency)
    return cents(computed_amount(item, currency))


def monthly_amount(item: dict, currency: str) -> Decimal:
    """The item's MRR contribution in its currency."""
    return interval_amount(item, currency) / item["term"]
