// What Go's encoding/json writes by default, for tests/conformance/test_library_defaults.py.
// Each stdin line is `f <number literal>` (a float64 to write) or `s <JSON string>`
// (a string to read and write back); each answer is one line of json.Marshal output.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
)

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<20)
	for in.Scan() {
		line := in.Text()
		var value any
		if line[0] == 'f' {
			f, err := strconv.ParseFloat(line[2:], 64)
			if err != nil {
				panic(err)
			}
			value = f
		} else {
			var s string
			if err := json.Unmarshal([]byte(line[2:]), &s); err != nil {
				panic(err)
			}
			value = s
		}
		out, err := json.Marshal(value)
		if err != nil {
			panic(err)
		}
		fmt.Println(string(out))
	}
}
