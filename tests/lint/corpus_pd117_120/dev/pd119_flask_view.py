from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/hook", methods=["POST"])
def handler():
    payload = request.get_json()
    return jsonify({"received": payload})
