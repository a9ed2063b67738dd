# Download a picture in 4 KB pieces (scraping course exercise, rewritten).
import requests

url = "https://www.scraping-course.example/files/kitten.jpg"

r = requests.get(  # expect: PD102, PD105, PD106
    url,
    stream=True,
)

with open("my_cat_stream.jpg", "wb") as my_file:
    for byte_chunk in r.iter_content(chunk_size=4096):
        my_file.write(byte_chunk)
