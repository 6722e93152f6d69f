"""The OpenAPI document is valid, and real responses match it."""
import json
import os
import urllib.error
import urllib.request

import yaml
from openapi_schema_validator import OAS31Validator
from openapi_spec_validator import validate

from servers import token

BASE = os.environ["PARLEY_URL"]


def fetch(path, method="GET", body=None):
    request = urllib.request.Request(BASE + path, method=method, data=None if body is None else json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json", "Authorization": "Bearer " + token(BASE)})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def document():
    status, _, body = fetch("/openapi.yaml")
    assert status == 200
    return yaml.safe_load(body)


def check(spec, schema_ref, instance):
    schema = {"$ref": schema_ref, "components": spec["components"]}
    OAS31Validator(schema).validate(instance)


def response_schema(spec, path, method, status):
    content = spec["paths"][path][method]["responses"][str(status)]
    if "$ref" in content:
        content = spec["components"]["responses"][content["$ref"].split("/")[-1]]
    media = next(iter(content["content"].values()))
    return media["schema"]


def validate_against(spec, path, method, status, instance):
    schema = dict(response_schema(spec, path, method, status))
    schema["components"] = spec["components"]
    OAS31Validator(schema).validate(instance)


def test_document_is_valid_openapi():
    validate(document())


def test_every_route_in_the_document_answers_as_described():
    spec = document()
    status, headers, body = fetch("/api/v1/desks")
    assert status == 200
    desks = json.loads(body)
    validate_against(spec, "/desks", "get", 200, desks)
    for desk in [d["name"] for d in desks]:
        status, headers, body = fetch(f"/api/v1/desks/{desk}/summary")
        validate_against(spec, "/desks/{desk}/summary", "get", 200, json.loads(body))
        assert headers["X-Desk-Version"].isdigit()
        collections = spec["components"]["parameters"]["collection"]["schema"]["enum"]
        for collection in collections:
            status, _, body = fetch(f"/api/v1/desks/{desk}/{collection}")
            assert status == 200, collection
            items = json.loads(body)
            validate_against(spec, "/desks/{desk}/{collection}", "get", 200, items)
            for item in items[:3]:
                key = item.get("id") or item.get("trip")
                status, _, body = fetch(f"/api/v1/desks/{desk}/{collection}/{key}")
                assert status == 200
                validate_against(spec, "/desks/{desk}/{collection}/{id}", "get", 200, json.loads(body))


def test_writes_and_problems_match_the_document():
    spec = document()
    status, headers, _ = fetch("/api/v1/desks/asia-trip/summary")
    version = int(headers["X-Desk-Version"])
    created = {"channel": "dmz-hotline", "engagement": "kim-meeting", "at": "2025-10-21 09:00", "outcome": "unanswered",
               "expected_version": version}
    status, _, body = fetch("/api/v1/desks/asia-trip/attempts", "POST", created)
    assert status == 201
    validate_against(spec, "/desks/{desk}/attempts", "post", 201, json.loads(body))
    status, headers, body = fetch("/api/v1/desks/asia-trip/attempts", "POST", created)
    assert status == 409 and headers["Content-Type"] == "application/problem+json"
    validate_against(spec, "/desks/{desk}/attempts", "post", 409, json.loads(body))
    status, _, body = fetch("/api/v1/desks/asia-trip/signals", "POST",
                            {"summary": "x", "attribution": [], "stance": "open", "grade": "Z9"})
    assert status == 422
    problem = json.loads(body)
    validate_against(spec, "/desks/{desk}/signals", "post", 422, problem)
    assert problem["field"] == "grade"
    status, _, body = fetch("/api/v1/desks/asia-trip/tasks/jsa-site-survey/status", "POST", {"status": "in-progress"})
    assert status == 200
    validate_against(spec, "/desks/{desk}/tasks/{id}/status", "post", 200, json.loads(body))
