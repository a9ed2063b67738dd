import serverless_sdk

sdk = serverless_sdk.SDK(org_id="demo", application_name="property-bot")
wrapper_options = {"function_name": "property-search-dev-hello", "timeout": 6}
try:
    user_handler = serverless_sdk.get_user_handler("handler.hello")
    handler = sdk.handler(user_handler, **wrapper_options)
except Exception as error:
    failure = error

    def error_handler(event, context):
        raise failure

    handler = sdk.handler(error_handler, **wrapper_options)
