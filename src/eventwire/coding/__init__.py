"""Argument linkers: from one trigger to the fields of its event.

Each linker is a function of a ``TriggerContext`` (the trigger, its sentence, its clause
and subject, worked out once) and returns one part of the record: roles (source and
target), place, date, quantities, the PLOVER mode and ACLED sub-event type, and the
confidence. The classifier's second opinion is one more stage (``opinion``). The coder
(``eventwire.coder``) only orchestrates them, sentence by sentence.
"""
