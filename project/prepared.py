"""Hot ORM queries whose SQL is built once per process instead of on every call.

For a query with subqueries, building the SQL is most of what the read costs in Python: the
live reveal's locked read took 1.9 ms of CPU to compile and 0.3 ms to run (docs/performance.md).
On a worker that also serves every socket of its process that CPU is what a wave of arrivals
queues on. ``prepared_rows`` keeps the query in the ORM (the same builder, readable and the same
on SQLite and PostgreSQL) and compiles it once per shape and database.

How the values find their place: the builder is compiled twice, each time with other stand-in
values for its arguments. The SQL must come out the same; each parameter that differs between
the two compilations must be one argument's stand-in (as is, or as the hex or text the database
stores for a UUID), and every other parameter is a constant of the query. A builder whose SQL
depends on anything else (the clock, the number of arguments' items) is refused with an error
on its first call, never run with a wrong value.

Rows come back as the ORM gives them: model instances (``Model.from_db``) with each field and
annotation converted as a queryset converts it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.db.models import Model, QuerySet

Builder = Callable[..., QuerySet]
Converter = Callable[[Any], Any]


@dataclass
class _Compiled:
    model: type[Model]
    sql: str
    # The query's parameters, with ``None`` where an argument goes (``slots``).
    constants: tuple[Any, ...]
    # (parameter position, argument position, how the argument is written there).
    slots: tuple[tuple[int, int, Converter], ...]
    # Annotation name -> its resolved expression (its output field converts its value).
    annotations: dict[str, Any]
    reader: Callable[[tuple[Any, ...]], Model] | None = None

    def params(self, args: tuple[Any, ...]) -> list[Any]:
        params = list(self.constants)
        for position, argument, written in self.slots:
            params[position] = written(args[argument])
        return params

    def read_with(self, columns: list[str]) -> Callable[[tuple[Any, ...]], Model]:
        """How a row becomes what the queryset would have given (the columns are known once
        the statement has run): the model's fields, in the model's order, and each
        annotation, each value converted as the ORM converts it (``Model.from_db``)."""
        fields = {field.column: field for field in self.model._meta.concrete_fields}
        positions = {column: position for position, column in enumerate(columns)}
        model_fields = [
            field for field in self.model._meta.concrete_fields if field.column in positions
        ]
        table = self.model._meta.db_table
        readers = [
            (positions[field.column], _converters(field.get_col(table))) for field in model_fields
        ]
        extra = [
            (name, positions[name], _converters(expression))
            for name, expression in self.annotations.items()
            if name in positions and name not in fields
        ]
        names = [field.attname for field in model_fields]
        alias, model = connection.alias, self.model

        def read(row: tuple[Any, ...]) -> Model:
            instance = model.from_db(
                alias, names, [_converted(row[position], conv) for position, conv in readers]
            )
            for name, position, conv in extra:
                setattr(instance, name, _converted(row[position], conv))
            return instance

        self.reader = read
        return read


def _converters(expression: Any) -> list[tuple[Callable[..., Any], Any]]:
    """The ORM's converters for a column or annotation: the database's, then the field's."""
    found = connection.ops.get_db_converters(expression) + expression.get_db_converters(connection)
    return [(converter, expression) for converter in found]


def _converted(value: Any, converters: list[tuple[Callable[..., Any], Any]]) -> Any:
    for converter, expression in converters:
        value = converter(value, expression, connection)
    return value


# Written once per shape; two threads that compile the same shape at once store equal entries.
_cache: dict[Hashable, _Compiled] = {}


def prepared_rows(key: Hashable, build: Builder, *args: Any) -> list[Model]:
    """The rows of ``build(*args)``, with the SQL compiled once per ``key`` and database.

    ``key`` names the query's shape: the same key must always build the same SQL (a builder
    that adds a subquery per member takes the number of members into its key). ``args`` are
    UUIDs, integers or text; only they may vary from call to call."""
    cache_key = (key, connection.alias, connection.vendor)
    compiled = _cache.get(cache_key)
    if compiled is None:
        compiled = _cache[cache_key] = _compile(build, args)
    with connection.cursor() as cursor:
        cursor.execute(compiled.sql, compiled.params(args))
        reader = compiled.reader or compiled.read_with([column[0] for column in cursor.description])
        return [reader(row) for row in cursor.fetchall()]


def _stand_in(value: Any, argument: int, compilation: int) -> Any:
    """A value of ``value``'s kind, other for each argument and each of the two compilations.
    An integer stays within a small integer field's range (PostgreSQL's lookups leave out a
    value the column could not hold)."""
    if isinstance(value, uuid.UUID):
        return uuid.uuid4()
    if isinstance(value, bool):
        raise ImproperlyConfigured("A prepared query takes no flags: put them in its key.")
    if isinstance(value, int):
        return 10_000 * (compilation + 1) + argument + 1
    if isinstance(value, str):
        return f"stand-in-{compilation}-{argument}"
    raise ImproperlyConfigured(f"A prepared query takes UUIDs, integers or text, not {value!r}.")


# How the database may write an argument: as is, or a UUID as hex or as text.
_WRITTEN: tuple[Converter, ...] = (
    lambda value: value,
    lambda value: value.hex,
    str,
)


def _written_as(stand_in: Any, param: Any) -> Converter | None:
    """How ``stand_in`` became ``param``, if it did: as is, as hex or text, or wrapped in the
    driver's own subtype (psycopg's ``Int2`` for a small integer column)."""
    for written in _WRITTEN:
        try:
            value = written(stand_in)
        except AttributeError:
            continue
        if value != param or not isinstance(param, type(value)):
            continue
        kind = type(param)
        if kind is type(value):
            return written
        return lambda argument, written=written, kind=kind: kind(written(argument))
    return None


def _compile(build: Builder, args: tuple[Any, ...]) -> _Compiled:
    first, second = (
        tuple(_stand_in(arg, argument, compilation) for argument, arg in enumerate(args))
        for compilation in range(2)
    )
    query = build(*first)
    sql, params = query.query.sql_with_params()
    other_sql, other_params = build(*second).query.sql_with_params()
    if sql != other_sql or len(params) != len(other_params):
        raise ImproperlyConfigured("This query's SQL changes with its values: not preparable.")
    constants: list[Any] = list(params)
    slots = []
    for position, (param, other) in enumerate(zip(params, other_params, strict=True)):
        if param == other:
            continue
        slot = _slot(position, param, other, first, second)
        if slot is None:
            raise ImproperlyConfigured(
                f"Parameter {position} of this query ({param!r}) is not one of its arguments "
                "(the clock?): it is not preparable."
            )
        constants[position] = None
        slots.append(slot)
    return _Compiled(
        query.model, sql, tuple(constants), tuple(slots), dict(query.query.annotations)
    )


def _slot(
    position: int, param: Any, other: Any, first: tuple[Any, ...], second: tuple[Any, ...]
) -> tuple[int, int, Converter] | None:
    for argument, (stand_in, other_stand_in) in enumerate(zip(first, second, strict=True)):
        written = _written_as(stand_in, param)
        if written is not None and written(other_stand_in) == other:
            return position, argument, written
    return None
