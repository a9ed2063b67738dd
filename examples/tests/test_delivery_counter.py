STEP = "../steps/delivery_counter.py"
DAY = 24 * 60 * 60


def delivery(customer_id):
    return {"body": {"customer_id": customer_id}}


def test_counts_each_customer_separately(pd):
    store = pd.inputs["data_store"] = pd.data_store({"deliveries:c1": 4})

    assert pd.run(STEP, event=delivery("c1")).return_value == 5
    assert pd.run(STEP, event=delivery("c2")).exports == {"count": 1}
    assert store.as_dict() == {"deliveries:c1": 5, "deliveries:c2": 1}


def test_a_count_expires_a_day_after_its_last_delivery(pd):
    store = pd.inputs["data_store"] = pd.data_store()
    pd.run(STEP, event=delivery("c1"))

    store.advance(DAY - 1)
    assert pd.run(STEP, event=delivery("c1")).return_value == 2
    store.advance(DAY)
    assert pd.run(STEP, event=delivery("c1")).return_value == 1
